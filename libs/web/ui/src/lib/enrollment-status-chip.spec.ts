import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { EnrollmentStatus } from '@oris/shared/domain';
import { EnrollmentStatusChip } from './enrollment-status-chip';

const translations = {
  learner: { waitlisted: 'Liste d’attente', completed: 'Formation terminée' },
  staff: { completed: 'Réussie' },
};

async function render(status: EnrollmentStatus, labels: string) {
  TestBed.configureTestingModule({
    imports: [
      EnrollmentStatusChip,
      TranslocoTestingModule.forRoot({
        langs: { fr: translations },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
  });
  const fixture = TestBed.createComponent(EnrollmentStatusChip);
  fixture.componentRef.setInput('status', status);
  fixture.componentRef.setInput('labels', labels);
  await fixture.whenStable();
  const chip = (fixture.nativeElement as HTMLElement).querySelector('oris-chip') as HTMLElement;
  return { text: chip.textContent?.trim(), tone: chip.className };
}

describe('EnrollmentStatusChip', () => {
  it("says the status in the audience's own words", async () => {
    expect((await render('completed', 'learner')).text).toBe('Formation terminée');
    TestBed.resetTestingModule();
    expect((await render('completed', 'staff')).text).toBe('Réussie');
  });

  it('colours waiting statuses apart from finished ones', async () => {
    expect((await render('waitlisted', 'learner')).tone).toContain('tone-waiting');
    TestBed.resetTestingModule();
    expect((await render('completed', 'learner')).tone).toContain('tone-done');
  });
});
