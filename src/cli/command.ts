import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../server/config.ts';

export interface CommandInput {
  config: Config;
  values: Record<string, any>;
  positionals: string[];
}

/**
 * One `gendan` command. The table in commands.ts holds only this metadata; `run` imports
 * its implementation lazily, so `gendan --help` does not pay for loading the server.
 */
export interface Command {
  /** One line for the command list. */
  help: string;
  /** Extra lines for `gendan <command> --help`: arguments, options, caveats. */
  usage?: string;
  options?: ParseArgsConfig['options'];
  run(input: CommandInput): Promise<number | void>;
}

/** An expected failure: the message is printed as is, without a stack, and the process exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
