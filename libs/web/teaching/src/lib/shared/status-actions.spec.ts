import { courseActions, sessionActions } from './status-actions';

const targets = (actions: { to: string }[]) => actions.map((action) => action.to);

describe('course status actions', () => {
  it('offers to publish or archive a draft', () => {
    expect(targets(courseActions('draft'))).toEqual(['published', 'archived']);
  });

  it('offers only to archive a published course', () => {
    expect(courseActions('published')).toEqual([
      { to: 'archived', labelKey: 'teaching.actions.course.archived', destructive: true },
    ]);
  });

  it('offers nothing for an archived course', () => {
    expect(courseActions('archived')).toEqual([]);
  });
});

describe('session status actions', () => {
  it.each([
    ['planned', ['open', 'cancelled']],
    ['open', ['running', 'cancelled']],
    ['running', ['completed', 'cancelled']],
    ['completed', []],
    ['cancelled', []],
  ] as const)('from %s offers %p', (status, expected) => {
    expect(targets(sessionActions(status))).toEqual(expected);
  });

  it('marks cancelling as destructive, and moving forward not', () => {
    expect(sessionActions('open')).toEqual([
      { to: 'running', labelKey: 'teaching.actions.session.running', destructive: false },
      { to: 'cancelled', labelKey: 'teaching.actions.session.cancelled', destructive: true },
    ]);
  });
});
