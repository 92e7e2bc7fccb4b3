import { escapeText, foldLine, writeIcs } from './ics';

const octets = (text: string) => new TextEncoder().encode(text).length;

/** Unfolds as a calendar app does (RFC 5545 §3.1): CRLF followed by one space is removed. */
const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('writeIcs', () => {
  const ics = writeIcs({
    name: 'Gestion de projet — Fès',
    now: new Date('2026-03-01T10:00:00.000Z'),
    events: [
      {
        uid: 'meeting-1@oris.academy',
        start: new Date('2026-03-10T08:00:00.000Z'),
        end: new Date('2026-03-10T11:30:00.000Z'),
        summary: 'Séance 1, introduction; cadrage',
        description: 'Apportez une pièce d’identité.\nSalle 2',
        location: 'Maison des associations, Fès',
        url: 'https://meet.example.org/abc?x=1,2',
        updatedAt: new Date('2026-02-20T09:00:00.000Z'),
      },
    ],
  });

  it('writes a published calendar with CRLF line endings only', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('\r\nMETHOD:PUBLISH\r\n');
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes each meeting as an event with its stable uid, a stamp and UTC times', () => {
    const lines = unfold(ics).split('\r\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'BEGIN:VEVENT',
        'UID:meeting-1@oris.academy',
        'DTSTAMP:20260301T100000Z',
        'DTSTART:20260310T080000Z',
        'DTEND:20260310T113000Z',
        'SUMMARY:Séance 1\\, introduction\\; cadrage',
        'DESCRIPTION:Apportez une pièce d’identité.\\nSalle 2',
        'LOCATION:Maison des associations\\, Fès',
        'URL:https://meet.example.org/abc?x=1,2',
        'LAST-MODIFIED:20260220T090000Z',
        'END:VEVENT',
      ]),
    );
  });

  it('keeps every physical line within 75 octets', () => {
    const long = writeIcs({
      name: 'x',
      events: [
        {
          uid: 'u',
          start: new Date(0),
          end: new Date(1000),
          summary: 'تكوين في تدبير المشاريع الاجتماعية '.repeat(6),
        },
      ],
    });
    for (const line of long.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(unfold(long)).toContain(`SUMMARY:${'تكوين في تدبير المشاريع الاجتماعية '.repeat(6)}`);
  });
});

describe('foldLine', () => {
  it('leaves a line of 75 octets alone and folds a longer one with a leading space', () => {
    expect(foldLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
    expect(foldLine('a'.repeat(150))).toBe(`${'a'.repeat(75)}\r\n ${'a'.repeat(74)}\r\n a`);
  });

  it('never splits a multi-byte character', () => {
    // 74 ASCII octets, then "é" (2 octets) would end on octet 76: it moves to the next line.
    const folded = foldLine(`${'a'.repeat(74)}éé`);
    expect(folded).toBe(`${'a'.repeat(74)}\r\n éé`);
  });
});

describe('escapeText', () => {
  it('escapes backslashes, semicolons, commas and line breaks, and drops control characters', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf\u0007')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
});
