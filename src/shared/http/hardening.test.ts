import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { calendarDate, int4, isCalendarDate } from './zod-blocks';
import { databaseError } from './database-errors';
import { inputIssues, MAX_DEPTH } from './input-guards';

describe('calendar dates', () => {
  it('takes only dates that exist', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-31')).toBe(false);
    expect(isCalendarDate('2024-04-31')).toBe(false);
    expect(isCalendarDate('2024-12-31')).toBe(true);
    expect(isCalendarDate('2024-13-01')).toBe(false);
    expect(isCalendarDate('0000-01-01')).toBe(false);
    expect(isCalendarDate('2024-1-01')).toBe(false);
    expect(calendarDate().safeParse('2024-02-31').success).toBe(false);
  });
});

describe('integer columns', () => {
  it('stop at the PostgreSQL integer range', () => {
    expect(int4().safeParse(2_147_483_647).success).toBe(true);
    expect(int4().safeParse(2_147_483_648).success).toBe(false);
    expect(int4().safeParse(-2_147_483_649).success).toBe(false);
  });
});

describe('database errors', () => {
  it('become field problems, not 500s', () => {
    const range = databaseError({ code: '22003', message: 'value "3000000000" is out of range for type integer' });
    expect(range?.status).toBe(400);
    expect(range?.issues[0]).toMatchObject({ field: '(value)', key: 'field.dbValue' });
    expect(databaseError({ code: '23502', column: 'is_expert' })?.issues[0]).toMatchObject({ field: 'is_expert', key: 'field.required' });
    expect(databaseError({ code: '23503', detail: 'Key (zone_id)=(987654321) is not present in table "zones".' })?.issues[0]?.field).toBe('zone_id');
    const duplicate = databaseError({ code: '23505', detail: 'Key (credit_code)=(X) already exists.' });
    expect(duplicate).toMatchObject({ code: 'DUPLICATE', status: 409 });
    for (const code of ['22P02', '22008', '22021', '22007', '54000']) expect(databaseError({ code })?.status).toBe(400);
    // Not a database error, or one the caller did not cause: left to the 500 handler.
    expect(databaseError(new Error('boom'))).toBeUndefined();
    expect(databaseError({ code: '40001' })).toBeUndefined();
  });
});

describe('input guards', () => {
  it('name fields holding a NUL character, at any depth, and refuse deep nesting', () => {
    expect(inputIssues({ a: 'ok', b: { c: ['x', 'y\u0000'] } })).toEqual([{ field: 'b.c.1', key: 'field.nul' }]);
    expect(inputIssues({ 'k\u0000': 1 })).toEqual([{ field: 'k\\0', key: 'field.nul' }]);
    let deep: unknown = 1;
    for (let i = 0; i < MAX_DEPTH + 5; i++) deep = { d: deep };
    expect(inputIssues(deep)[0]?.key).toBe('field.tooDeep');
    expect(inputIssues({ fine: [{ a: 1 }, null, 3] })).toEqual([]);
  });

  it('leave zod schemas in charge of everything else', () => {
    expect(z.object({ n: int4() }).safeParse({ n: 1 }).success).toBe(true);
  });
});
