import { describe, expect, it } from 'vitest';
import { dateTimeISO, readDateTime } from '../../renderer/ui/date-time';
import { dateInWords, deadlineWords, formatDateTime, monthName } from '../../renderer/ui/format';

describe('a date and time as typed: day/month/year, 24-hour clock', () => {
  it('reads the forms people type, in this computer\'s time zone', () => {
    const at = new Date(2026, 3, 28, 18, 30).toISOString();
    for (const [date, time] of [['28/04/2026', '18:30'], ['28.04.2026', '18h30'], ['28-4-2026', '18 h 30'], ['2026-04-28', '18.30']] as const) {
      expect(dateTimeISO({ date, time }), `${date} ${time}`).toBe(at);
    }
    expect(dateTimeISO({ date: '1/5/2026', time: '9 h' })).toBe(new Date(2026, 4, 1, 9, 0).toISOString());
    expect(readDateTime({ date: '29/02/2028', time: '00:00' }).state).toBe('ok');
    expect(readDateTime({ date: ' ', time: '' })).toEqual({ state: 'empty' });
  });

  it('names what is wrong with an impossible date, never moving it to another day', () => {
    expect(readDateTime({ date: '31/02/2026', time: '18:00' })).toEqual({ state: 'bad', field: 'date', problem: 'datetime.noSuchDay', values: { day: '31', month: '2', year: '2026', last: '28' } });
    expect(readDateTime({ date: '04/28/2026', time: '18:00' })).toMatchObject({ field: 'date', problem: 'datetime.noSuchMonth', values: { month: '28' } });
    expect(readDateTime({ date: '0/04/2026', time: '18:00' })).toMatchObject({ problem: 'datetime.noSuchDay' });
    expect(readDateTime({ date: '28 avril', time: '18:00' })).toMatchObject({ field: 'date', problem: 'datetime.badDate' });
    expect(readDateTime({ date: '28/04/26', time: '18:00' })).toMatchObject({ problem: 'datetime.badDate' });
    expect(readDateTime({ date: '28/04/2026', time: '24:10' })).toMatchObject({ field: 'time', problem: 'datetime.badTime' });
    expect(readDateTime({ date: '28/04/2026', time: '6:30 PM' })).toMatchObject({ field: 'time', problem: 'datetime.badTime' });
    expect(readDateTime({ date: '28/04/2026', time: '' })).toMatchObject({ field: 'time', problem: 'datetime.needTime' });
    expect(readDateTime({ date: '', time: '18:00' })).toMatchObject({ field: 'date', problem: 'datetime.needDate' });
    expect(dateTimeISO({ date: '31/02/2026', time: '18:00' })).toBeNull();
  });
});

describe('a date and time as the interface writes them: day month year, 24-hour clock', () => {
  it('in the same form as what is typed, in both interface languages', () => {
    const at = new Date(2027, 1, 8, 18, 30);
    expect(formatDateTime(at.toISOString(), 'en')).toBe('08/02/2027, 18:30');
    expect(formatDateTime(at.toISOString(), 'fr')).toBe('08/02/2027 18:30');
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
    expect(deadlineWords(at.toISOString(), 'fr', new Date(2027, 1, 8, 9, 0))).toBe('18:30');
    expect(deadlineWords(new Date(2027, 1, 8, 9, 5).toISOString(), 'en', new Date(2027, 1, 7))).toBe('08/02/2027, 09:05');
    expect(dateInWords(at, 'fr')).toBe('lundi 8 février 2027 à 18:30');
    expect(monthName(2, 'en')).toBe('February');
    // What was typed reads back as written: the form the field asks for is the form shown everywhere.
    expect(formatDateTime(dateTimeISO({ date: '08/02/2027', time: '18:30' })!, 'fr')).toBe('08/02/2027 18:30');
  });
});
