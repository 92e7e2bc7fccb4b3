import { AppConfig } from '@oris/api/platform';
import type { Queue } from 'bullmq';
import type { EntityManager, Repository } from 'typeorm';
import { EmailOutbox } from './email-outbox';
import { OutboxEmail } from './email-outbox.entity';

const flush = () => new Promise((resolve) => setImmediate(resolve));

function setup({ ready = true } = {}) {
  const queue = {
    waitUntilReady: jest.fn(() => (ready ? Promise.resolve() : new Promise(() => undefined))),
    on: jest.fn(),
    addBulk: jest.fn(async () => []),
  };
  const repository = {
    query: jest.fn(async (_sql: string, _params?: unknown[]): Promise<unknown> => []),
  };
  const outbox = new EmailOutbox(
    repository as unknown as Repository<OutboxEmail>,
    queue as unknown as Queue,
    new AppConfig(),
  );
  /** Lets the outbox see the queue ready and run the dispatch it starts then. */
  const settle = async () => {
    await flush();
    repository.query.mockClear();
  };
  return { outbox, queue, repository, settle };
}

describe('EmailOutbox.add', () => {
  const manager = { insert: jest.fn() };
  beforeEach(() => manager.insert.mockReset());

  it('inserts the email with the caller’s manager, keeping only the template’s parameters', async () => {
    const { outbox } = setup();
    await outbox.add(manager as unknown as EntityManager, {
      to: ' amina@example.ma ',
      template: 'welcome',
      locale: 'ar',
      params: { fullName: 'Amina', password: 'never stored' },
      userId: '6a1f6f4e-0000-4000-8000-000000000001',
    });
    expect(manager.insert).toHaveBeenCalledWith(OutboxEmail, {
      toAddress: 'amina@example.ma',
      template: 'welcome',
      locale: 'ar',
      params: { fullName: 'Amina' },
      userId: '6a1f6f4e-0000-4000-8000-000000000001',
    });
  });

  it.each([
    ['a header injection', 'amina@example.ma\r\nBcc: x@example.com'],
    ['two recipients', 'a@example.ma, b@example.ma'],
    ['a display name', 'Amina <amina@example.ma>'],
    ['no domain', 'amina'],
  ])('refuses an address with %s before writing anything', async (_case, to) => {
    const { outbox } = setup();
    await expect(
      outbox.add(manager as unknown as EntityManager, {
        to,
        template: 'welcome',
        locale: 'fr',
        params: { fullName: 'A' },
      }),
    ).rejects.toThrow(/Invalid email address/);
    expect(manager.insert).not.toHaveBeenCalled();
  });

  it('refuses missing parameters and unknown locales before writing anything', async () => {
    const { outbox } = setup();
    const base = { to: 'a@example.ma', template: 'password_reset' as const, locale: 'fr' as const };
    await expect(
      outbox.add(manager as unknown as EntityManager, { ...base, params: { fullName: 'A' } }),
    ).rejects.toThrow(/resetUrl/);
    await expect(
      outbox.add(manager as unknown as EntityManager, {
        ...base,
        locale: 'de' as never,
        params: {},
      }),
    ).rejects.toThrow(/locale/);
    expect(manager.insert).not.toHaveBeenCalled();
  });
});

describe('EmailOutbox.dispatchPending', () => {
  it('hands over what was committed before Redis answered as soon as it does', async () => {
    const { repository } = setup();
    await flush();
    expect(repository.query).toHaveBeenCalledWith(
      expect.stringContaining('FOR UPDATE SKIP LOCKED'),
      [600, 100],
    );
  });

  it('returns at once and touches nothing while Redis has never answered', async () => {
    const { outbox, repository, queue } = setup({ ready: false });
    expect(outbox.dispatchPending()).toBeUndefined();
    await flush();
    expect(repository.query).not.toHaveBeenCalled();
    expect(queue.addBulk).not.toHaveBeenCalled();
  });

  it('enqueues claimed rows with deterministic job ids', async () => {
    const { outbox, repository, queue, settle } = setup();
    await settle();
    repository.query.mockResolvedValueOnce([{ id: 'r1' }, { id: 'r2' }]);
    outbox.dispatchPending();
    await outbox.onModuleDestroy();
    expect(queue.addBulk).toHaveBeenCalledWith([
      expect.objectContaining({
        name: 'send-email',
        data: { outboxId: 'r1' },
        opts: expect.objectContaining({ jobId: 'email-r1', attempts: 8 }),
      }),
      expect.objectContaining({
        data: { outboxId: 'r2' },
        opts: expect.objectContaining({ jobId: 'email-r2' }),
      }),
    ]);
  });

  it('gives the rows back and does not throw when the queue refuses them', async () => {
    const { outbox, repository, queue, settle } = setup();
    await settle();
    repository.query.mockResolvedValueOnce([{ id: 'r1' }]);
    queue.addBulk.mockRejectedValueOnce(new Error("Stream isn't writeable"));
    outbox.dispatchPending();
    await outbox.onModuleDestroy();
    expect(repository.query).toHaveBeenLastCalledWith(
      expect.stringContaining('SET enqueued_at = NULL'),
      [['r1']],
    );
  });

  it('merges calls made during a dispatch into one more run', async () => {
    const { outbox, repository, settle } = setup();
    await settle();
    for (let i = 0; i < 10; i++) outbox.dispatchPending();
    await flush();
    await flush();
    expect(repository.query).toHaveBeenCalledTimes(2);
  });
});
