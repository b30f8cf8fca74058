import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { calendarPutBody, WorkCalendarYear } from '../../../../contracts/calendar.ts';
import { api } from '../../../lib/api.ts';

export type { WorkCalendarYear };
export type CalendarPut = z.input<typeof calendarPutBody>;

export const calendarKeys = { year: (year: number) => ['admin', 'calendar', year] as const };

export function useWorkCalendar(year: number) {
  return useQuery({ queryKey: calendarKeys.year(year), queryFn: () => api.get<WorkCalendarYear>('/api/v1/admin/calendar', { year }) });
}

export function useSaveWorkCalendar(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CalendarPut) => api.put<WorkCalendarYear>(`/api/v1/admin/calendar?year=${year}`, body),
    onSuccess: (data) => qc.setQueryData(calendarKeys.year(year), data),
  });
}
