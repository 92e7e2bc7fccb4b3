import { FILE_DROP_ZONE_CLASS, FILES_DROPPED_BEFORE_START } from './dropped-before-start';

/**
 * When the browser runs the app of a page the server sends: a page rendered on the server (a
 * visitor's public page) is read at once and its app started when the visitor first reaches for
 * it; the browser-rendered shell (a signed-in person, a page not rendered on the server) starts
 * its app once its loading bar is painted.
 *
 * The build writes the app's scripts as `<link rel="modulepreload">` tags and a module script.
 * Run at load, starting Angular and hydrating a server-rendered page takes a slow phone's main
 * thread for more than a second (docs/PERFORMANCE.md, P8): a visitor who only reads the page, as
 * most visitors from a search engine or a shared link do, pays for it in a page that scrolls and
 * responds late. This rewrites those tags into one inline script that, on such a page:
 * - once the browser has painted the page (an animation frame, then a task), fetches the scripts,
 *   those of the page's lazy routes (`routeChunks`, see routeChunks()) and the translations of
 *   the page's language (`<html lang>`), so that the browser has them ready, compiled, without
 *   running them;
 * - starts the app at the visitor's first pointer movement, touch, key, focus, wheel, drag or
 *   field change (FIRST_INTERACTIONS), the moments before a click, a tap or typing. A desktop
 *   browser with a mouse over the page starts it almost at once; a phone when it is touched.
 * Nothing is lost meanwhile: links are links and the page's text is all there; clicks and keys
 * are recorded by Angular's event dispatch contract (written before this script) and replayed,
 * typed text is kept (keepFieldsTypedBeforeHydration), and a file dropped on a drop zone is
 * recorded by this script for the zone to take once it runs (takeFileDroppedBeforeStart).
 *
 * The browser-rendered shell has nothing to read before its app runs: its script fetches and
 * starts the app after one painted frame (so the loading bar shows at once), or at once in a
 * hidden tab, which paints no frame. When the page has no module script (another build's shape),
 * it is returned as it is.
 */
export function scheduleAppStart(
  html: string,
  cspNonce?: string,
  routeChunks: readonly string[] = [],
): string {
  const entryTag = ENTRY_SCRIPT.exec(html)?.[0];
  const entry = entryTag ? attributeOf(entryTag, 'src') : null;
  if (entry === null) return html;
  const preloads = [...html.matchAll(MODULE_PRELOAD)]
    .map((tag) => attributeOf(tag[0], 'href'))
    .filter((href): href is string => href !== null)
    .concat(routeChunks);
  const nonce = cspNonce ? ` nonce="${escapeAttribute(cspNonce)}"` : '';
  const waitForVisitor = SERVER_RENDERED.test(html);
  const script = `<script${nonce}>${startScript(entry, preloads, waitForVisitor)}</script>`;
  return html
    .replace(MODULE_PRELOAD, '')
    .replace(TRANSLATION_PRELOAD, '')
    .replace(ENTRY_SCRIPT, () => script);
}

/**
 * What a visitor does just before using a control: the pointer moving onto it (a mouse), a finger
 * landing (a touch screen, before its click), a key (the keyboard, Tab included), a focus (an
 * autofocused field, assistive technology), a wheel, a file dragged in or dropped. Scrolling a
 * phone's page is a touch too. And what changes a field without any of those (a password
 * manager's autofill, a file chosen by other means): an `input` or a `change`.
 */
export const FIRST_INTERACTIONS = [
  'pointermove',
  'pointerdown',
  'touchstart',
  'keydown',
  'focusin',
  'wheel',
  'dragenter',
  'drop',
  'input',
  'change',
] as const;

/** Angular's server rendering marks the root component's host; the browser-rendered shell has none. */
const SERVER_RENDERED = /<[a-z][\w-]*\b[^>]*\bng-server-context="/;
const MODULE_PRELOAD = /<link\b[^>]*\brel="modulepreload"[^>]*>/g;
const ENTRY_SCRIPT = /<script\b[^>]*\btype="module"[^>]*><\/script>/;
const TRANSLATION_PRELOAD = /<link\b[^>]*\brel="preload"[^>]*\bhref="i18n\/[^"]*"[^>]*>/;

function attributeOf(tag: string, name: string): string | null {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/**
 * Drops on a zone the app has not yet taken over (a zone that has started handles its own drops
 * and cancels them first) are cancelled, so the browser does not open the file, and recorded.
 */
const recordDrops =
  `const dropped=window[${JSON.stringify(FILES_DROPPED_BEFORE_START)}]=[];` +
  `const zoneOf=(event)=>!event.defaultPrevented&&event.target instanceof Element?event.target.closest(${JSON.stringify(`.${FILE_DROP_ZONE_CLASS}`)}):null;` +
  `const allow=(event)=>{if(zoneOf(event)){event.preventDefault();if(event.dataTransfer)event.dataTransfer.dropEffect='copy';}};` +
  `document.addEventListener('dragenter',allow);document.addEventListener('dragover',allow);` +
  `document.addEventListener('drop',(event)=>{const zone=zoneOf(event);if(!zone)return;event.preventDefault();` +
  `const file=event.dataTransfer&&event.dataTransfer.files[0];if(file)dropped.push({zone,file});});`;

/**
 * The inline script. JSON.stringify writes the URLs as script literals; `<` is escaped so that no
 * URL can close the script element. The translations are fetched as TranslationLoader fetches
 * them (same URL, CORS mode, same-origin credentials), so the browser hands it this response.
 * The listeners are passive and only start the app: the event itself goes on to the page (and to
 * the dispatch contract, which records it for the app).
 */
function startScript(entry: string, modulePreloads: string[], waitForVisitor: boolean): string {
  const literal = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  const fetchAndStartOnFirstInteraction =
    `for(const type of ${literal(FIRST_INTERACTIONS)})document.addEventListener(type,start,{capture:true,passive:true,signal:waiting.signal});` +
    `requestAnimationFrame(()=>setTimeout(fetchAhead));`;
  const startOncePainted =
    `if(document.visibilityState==='hidden')start();` +
    `else{requestAnimationFrame(()=>setTimeout(start));document.addEventListener('visibilitychange',start,{signal:waiting.signal});}`;
  return (
    `(()=>{${recordDrops}` +
    `const add=(tag,properties)=>document.head.appendChild(Object.assign(document.createElement(tag),properties));` +
    `let fetched=false;const fetchAhead=()=>{if(fetched)return;fetched=true;` +
    `const lang=document.documentElement.lang;` +
    `if(/^[a-z]{2}$/.test(lang))add('link',{rel:'preload',as:'fetch',type:'application/json',crossOrigin:'anonymous',href:'i18n/'+lang+'.json'});` +
    `for(const href of ${literal([...new Set([entry, ...modulePreloads])])})add('link',{rel:'modulepreload',href});};` +
    `const waiting=new AbortController();` +
    `const start=()=>{if(waiting.signal.aborted)return;waiting.abort();fetchAhead();add('script',{type:'module',src:${literal(entry)}});};` +
    (waitForVisitor ? fetchAndStartOnFirstInteraction : startOncePainted) +
    `})();`
  );
}
