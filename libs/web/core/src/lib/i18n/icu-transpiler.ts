import { Injectable } from '@angular/core';
import { DefaultTranspiler, type TranspileParams } from '@jsverse/transloco';
import { DEFAULT_LOCALE, resolveIcu } from '@oris/shared/domain';

/** The ICU resolver lives in shared/domain (the server words shared messages with it too). */
export { resolveIcu } from '@oris/shared/domain';

/** Transloco's interpolation, after the message's ICU plurals and numbers are resolved in the active language. */
@Injectable()
export class IcuTranspiler extends DefaultTranspiler {
  private language: string = DEFAULT_LOCALE;

  override transpile(params: TranspileParams): unknown {
    const { value } = params;
    if (typeof value === 'string' && /,\s*(plural|number)/.test(value)) {
      const resolved = resolveIcu(value, params.params ?? {}, this.language);
      return super.transpile({ ...params, value: resolved });
    }
    return super.transpile(params);
  }

  onLangChanged(language: string): void {
    this.language = language;
  }
}
