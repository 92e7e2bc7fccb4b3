import { inject, Injectable } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { BehaviorSubject, combineLatest, of, switchMap } from 'rxjs';

/**
 * Route `title`s are translation keys; the document title follows the language.
 * Format: "<page> · <app name>". A page whose name is data (a course's title) names itself
 * (`pageTitleFrom`) and the route's key is the name until then.
 */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private readonly pageKey = new BehaviorSubject<string | undefined>(undefined);
  private readonly pageName = new BehaviorSubject<string | null>(null);

  constructor() {
    super();
    combineLatest([this.pageKey, this.pageName])
      .pipe(
        switchMap(([key, name]) =>
          combineLatest([
            name ? of(name) : key ? this.transloco.selectTranslate<string>(key) : of(''),
            this.transloco.selectTranslate<string>('app.name'),
          ]),
        ),
      )
      .subscribe(([page, app]) => this.title.setTitle(page ? `${page} · ${app}` : app));
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.pageKey.next(this.buildTitle(snapshot));
  }

  /** The page's own name (null: the route's key names it again). */
  showPageName(name: string | null): void {
    this.pageName.next(name);
  }
}
