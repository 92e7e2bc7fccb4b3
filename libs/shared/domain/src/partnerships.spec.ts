import {
  familyCurrentEnd,
  familyInForceInYear,
  lastRequiredSignature,
  type PartnershipFacts,
  partnershipStatus,
  tacitEnd,
} from './partnerships';

const signed = (signedOn: string | null, signatureRequired = true) => ({
  signatureRequired,
  signedOn,
});

const agreement = (overrides: Partial<PartnershipFacts> = {}): PartnershipFacts => ({
  kind: 'convention',
  startsOn: '2025-01-01',
  endsOn: '2025-12-31',
  renewalMode: 'none',
  noticeDays: 60,
  renewalMonths: null,
  terminatedOn: null,
  parties: [signed('2024-12-01'), signed('2024-12-15'), signed(null, false)],
  ...overrides,
});

describe('the last required signature', () => {
  it('is the latest signature of the parties whose signature is required', () => {
    expect(lastRequiredSignature(agreement().parties, '2025-06-01')).toBe('2024-12-15');
  });

  it('is missing while a required party has not signed, or signed after the day asked', () => {
    expect(lastRequiredSignature([signed('2024-12-01'), signed(null)], '2025-06-01')).toBeNull();
    expect(lastRequiredSignature(agreement().parties, '2024-12-10')).toBeNull();
  });

  it('never exists without a required party (an unsigned collaboration)', () => {
    expect(lastRequiredSignature([signed('2024-12-01', false)], '2025-06-01')).toBeNull();
  });
});

describe('the status, computed from the dates', () => {
  it.each([
    ['2024-12-10', 'draft'],
    ['2024-12-20', 'signed_not_started'],
    ['2025-01-01', 'in_force'],
    ['2025-10-31', 'in_force'],
    ['2025-11-01', 'renewal_due'],
    ['2025-12-31', 'renewal_due'],
    ['2026-01-01', 'expired'],
  ])('on %s is %s', (asOf, status) => {
    expect(partnershipStatus(agreement(), asOf).status).toBe(status);
  });

  it('is terminated from the termination day, and in force the day before', () => {
    const terminated = agreement({ terminatedOn: '2025-06-30' });
    expect(partnershipStatus(terminated, '2025-06-29').status).toBe('in_force');
    expect(partnershipStatus(terminated, '2025-06-30').status).toBe('terminated');
    expect(partnershipStatus(terminated, '2025-06-30').currentEnd).toBe('2025-06-30');
  });

  it('never expires nor falls due when open-ended', () => {
    const open = partnershipStatus(agreement({ endsOn: null }), '2040-01-01');
    expect(open).toEqual({
      status: 'in_force',
      signedOn: '2024-12-15',
      currentEnd: null,
      renewalDueFrom: null,
    });
  });

  it('says from which day the renewal is due', () => {
    expect(partnershipStatus(agreement(), '2025-03-01').renewalDueFrom).toBe('2025-11-01');
  });
});

describe('tacit renewal', () => {
  it('extends the end by its period until the day asked, from the original end', () => {
    expect(tacitEnd('2024-08-31', 'tacit', 6, null, '2024-08-31')).toBe('2024-08-31');
    expect(tacitEnd('2024-08-31', 'tacit', 6, null, '2024-09-01')).toBe('2025-02-28');
    expect(tacitEnd('2024-08-31', 'tacit', 6, null, '2025-03-01')).toBe('2025-08-31');
  });

  it('stops at a termination', () => {
    expect(tacitEnd('2024-12-31', 'tacit', 12, '2025-03-31', '2027-01-01')).toBe('2025-12-31');
  });

  it('does nothing for explicit renewals or without a period', () => {
    expect(tacitEnd('2024-12-31', 'explicit', 12, null, '2026-01-01')).toBe('2024-12-31');
    expect(tacitEnd('2024-12-31', 'tacit', null, null, '2026-01-01')).toBe('2024-12-31');
  });

  it('keeps a tacitly renewed agreement in force, and terminated one ends on its day', () => {
    const tacit = agreement({ renewalMode: 'tacit', renewalMonths: 12 });
    expect(partnershipStatus(tacit, '2026-03-01')).toMatchObject({
      status: 'in_force',
      currentEnd: '2026-12-31',
    });
    const ended = agreement({
      renewalMode: 'tacit',
      renewalMonths: 12,
      terminatedOn: '2026-12-31',
    });
    expect(partnershipStatus(ended, '2027-02-01')).toMatchObject({
      status: 'terminated',
      currentEnd: '2026-12-31',
    });
  });
});

describe('the family’s current end', () => {
  const renewal = (endsOn: string | null, signedOn: string | null): PartnershipFacts =>
    agreement({ kind: 'renewal', startsOn: '2026-01-01', endsOn, parties: [signed(signedOn)] });

  it('is the latest end among the head and its signed renewals and amendments', () => {
    const head = agreement({ members: [renewal('2027-12-31', '2025-11-15')] });
    expect(familyCurrentEnd(head, '2026-01-10')).toBe('2027-12-31');
    expect(partnershipStatus(head, '2026-01-10').status).toBe('in_force');
  });

  it('ignores a renewal not yet signed on the day asked', () => {
    const head = agreement({ members: [renewal('2027-12-31', '2026-02-01')] });
    expect(familyCurrentEnd(head, '2026-01-10')).toBe('2025-12-31');
    expect(partnershipStatus(head, '2026-01-10').status).toBe('expired');
  });

  it('is not moved by an implementing convention, nor by an amendment without an end', () => {
    const head = agreement({
      members: [
        agreement({ kind: 'implementing_convention', endsOn: '2030-01-01' }),
        agreement({ kind: 'amendment', endsOn: null }),
      ],
    });
    expect(familyCurrentEnd(head, '2025-06-01')).toBe('2025-12-31');
  });

  it('takes the renewal settings of the agreement that sets the end', () => {
    const head = agreement({
      members: [
        agreement({
          kind: 'renewal',
          endsOn: '2026-12-31',
          renewalMode: 'tacit',
          renewalMonths: 12,
        }),
      ],
    });
    expect(familyCurrentEnd(head, '2027-06-01')).toBe('2027-12-31');
  });
});

describe('a family in force in a year', () => {
  it('counts when signed, started and not ended before the year', () => {
    expect(familyInForceInYear(agreement(), 2025, '2026-06-01')).toBe(true);
    expect(familyInForceInYear(agreement(), 2026, '2026-06-01')).toBe(false);
  });

  it('does not count when the last signature is after 31 December or after asOf', () => {
    const late = agreement({ parties: [signed('2026-01-05')] });
    expect(familyInForceInYear(late, 2025, '2026-06-01')).toBe(false);
    expect(familyInForceInYear(agreement(), 2024, '2024-12-10')).toBe(false);
  });

  it('does not count when terminated before the year, counts when terminated during it', () => {
    const open = { endsOn: null };
    expect(
      familyInForceInYear(agreement({ ...open, terminatedOn: '2025-12-31' }), 2026, '2026-06-01'),
    ).toBe(false);
    expect(
      familyInForceInYear(agreement({ ...open, terminatedOn: '2026-01-01' }), 2026, '2026-06-01'),
    ).toBe(true);
  });
});
