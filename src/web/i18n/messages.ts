import type { zhCN } from './zh-CN.ts';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** The message tree every language provides: zh-CN's keys, any strings. */
export type Messages = Shape<typeof zhCN>;
