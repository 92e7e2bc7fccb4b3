import { AppConfig } from '@oris/api/platform';
import type { Queue } from 'bullmq';
import type { EntityManager, Repository } from 'typeorm';
import { EmailOutbox } from './email-outbox';
import { OutboxEmail } from '../entities/email-outbox.entity';

const flush = () => new Promise((resolve) => setImmediate(resolve));

function setup({ ready = true } = {}) {
  const queue = {
    waitUntilReady: jest.fn(() => (ready ? Promise.resolve() : new Promise(() => undefined))),
    on: jest.fn(),
    addBulk: jest.fn(async () => []),
  };
  const query = jest.fn(async (_sql: string, _params?: unknown[]): Promise<unknown> => []);
  const repository = {
    query,
    manager: {
      transaction: jest.fn(async (work: (manager: { query: typeof query }) => unknown) =>
        work({ query }),
      ),
    },
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
      template: 'password_reset',
      locale: 'ar',
      params: { fullName: 'Amina', resetUrl: 'https://oris.example/r', password: 'never stored' },
      userId: '6a1f6f4e-0000-4000-8000-000000000001',
    });
    expect(manager.insert).toHaveBeenCalledWith(OutboxEmail, {
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      toAddress: 'amina@example.ma',
      template: 'password_reset',
      locale: 'ar',
      params: { fullName: 'Amina', resetUrl: 'https://oris.example/r' },
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
        params: { confirmUrl: 'https://academy.example/confirm-email?token=t' },
      }),
    ).rejects.toThrow(/Invalid email address/);
    expect(manager.insert).not.toHaveBeenCalled();
  });

  it('stores attachments as storage references and answers the new row’s id', async () => {
    const { outbox } = setup();
    const attachment = {
      filename: 'ORIS-2026-000001.pdf',
      storageKey: 'certificates/2f1c.pdf',
      contentType: 'application/pdf',
    };
    const id = await outbox.addReturningId(manager as unknown as EntityManager, {
      to: 'amina@example.ma',
      template: 'welcome',
      locale: 'fr',
      params: { confirmUrl: 'https://academy.example/confirm-email?token=t' },
      attachments: [attachment],
    });
    expect(manager.insert).toHaveBeenCalledWith(
      OutboxEmail,
      expect.objectContaining({ id, attachments: [attachment] }),
    );
  });

  it.each([
    ['a file name with a line break', { filename: 'a\r\nBcc: x.pdf' }],
    ['a storage key that climbs out', { storageKey: 'certificates/../../etc/passwd' }],
    ['a content type with parameters', { contentType: 'application/pdf; x=1' }],
  ])('refuses %s before writing anything', async (_case, override) => {
    const { outbox } = setup();
    await expect(
      outbox.add(manager as unknown as EntityManager, {
        to: 'amina@example.ma',
        template: 'welcome',
        locale: 'fr',
        params: { confirmUrl: 'https://academy.example/confirm-email?token=t' },
        attachments: [
          {
            filename: 'c.pdf',
            storageKey: 'certificates/c.pdf',
            contentType: 'application/pdf',
            ...override,
          },
        ],
      }),
    ).rejects.toThrow(/Invalid attachment/);
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

  it('marks rows enqueued only after the queue took them, in the claiming transaction', async () => {
    const { outbox, repository, queue, settle } = setup();
    await settle();
    repository.query.mockResolvedValueOnce([{ id: 'r1' }]);
    outbox.dispatchPending();
    await outbox.onModuleDestroy();
    expect(repository.manager.transaction).toHaveBeenCalled();
    expect(repository.query).toHaveBeenLastCalledWith(
      expect.stringContaining('SET enqueued_at = now()'),
      [['r1']],
    );
    expect(queue.addBulk.mock.invocationCallOrder[0]).toBeLessThan(
      repository.query.mock.invocationCallOrder.at(-1) as number,
    );
  });

  it('leaves the rows unmarked and does not throw when the queue refuses them', async () => {
    const { outbox, repository, queue, settle } = setup();
    await settle();
    repository.query.mockResolvedValueOnce([{ id: 'r1' }]);
    queue.addBulk.mockRejectedValueOnce(new Error("Stream isn't writeable"));
    outbox.dispatchPending();
    await outbox.onModuleDestroy();
    // The claim's transaction rolls back: no statement marks the row.
    expect(repository.query).toHaveBeenCalledTimes(1);
    await expect(repository.manager.transaction.mock.results.at(-1)?.value).rejects.toThrow(
      /writeable/,
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
