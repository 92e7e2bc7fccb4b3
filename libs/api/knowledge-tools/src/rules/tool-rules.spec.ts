import { canonicalLicence } from './spdx';
import {
  availableOn,
  countsAsCreated,
  isRobot,
  matchesMediaType,
  type ToolAsKnown,
  VERSION_NUMBER,
  visitorKey,
} from './tool-rules';

const tool = (overrides: Partial<ToolAsKnown> = {}): ToolAsKnown => ({
  id: 't',
  kind: 'guide',
  purpose: 'dissemination',
  orisRole: 'creator',
  licence: 'CC-BY-4.0',
  versions: [{ releasedOn: '2025-03-10', language: 'fr', hasFileOrUrl: true }],
  ...overrides,
});

describe('countsAsCreated', () => {
  it('counts a tool in the year of its first release, with a creating role, a licence and a file or link', () => {
    expect(countsAsCreated(tool(), 2025, '2025-12-31')).toBe(true);
    for (const role of ['co_creator', 'adapter'] as const) {
      expect(countsAsCreated(tool({ orisRole: role }), 2025, '2025-12-31')).toBe(true);
    }
  });

  it('never counts a curated tool, one without a licence, or one without a file or link', () => {
    expect(countsAsCreated(tool({ orisRole: 'curator' }), 2025, '2025-12-31')).toBe(false);
    expect(countsAsCreated(tool({ licence: null }), 2025, '2025-12-31')).toBe(false);
    const fileless = tool({
      versions: [{ releasedOn: '2025-03-10', language: 'fr', hasFileOrUrl: false }],
    });
    expect(countsAsCreated(fileless, 2025, '2025-12-31')).toBe(false);
    expect(countsAsCreated(tool({ versions: [] }), 2025, '2025-12-31')).toBe(false);
  });

  it('places the tool by its first version only: a later translation never counts it again', () => {
    const translated = tool({
      versions: [
        { releasedOn: '2025-09-01', language: 'ar', hasFileOrUrl: true },
        { releasedOn: '2024-11-05', language: 'fr', hasFileOrUrl: true },
      ],
    });
    expect(countsAsCreated(translated, 2024, '2025-12-31')).toBe(true);
    expect(countsAsCreated(translated, 2025, '2025-12-31')).toBe(false);
  });

  it('waits for asOf: a first release after asOf does not count, even in the year', () => {
    const december = tool({
      versions: [{ releasedOn: '2025-12-20', language: 'ar', hasFileOrUrl: true }],
    });
    expect(countsAsCreated(december, 2025, '2025-12-19')).toBe(false);
    expect(countsAsCreated(december, 2025, '2025-12-20')).toBe(true);
  });

  it('needs the file or link by asOf: a link added in a later version counts only once released', () => {
    const late = tool({
      versions: [
        { releasedOn: '2025-02-01', language: 'fr', hasFileOrUrl: false },
        { releasedOn: '2025-10-01', language: 'fr', hasFileOrUrl: true },
      ],
    });
    expect(countsAsCreated(late, 2025, '2025-06-30')).toBe(false);
    expect(countsAsCreated(late, 2025, '2025-12-31')).toBe(true);
  });
});

describe('availableOn', () => {
  it('is any version released on or before asOf, whatever the role', () => {
    expect(availableOn(tool({ orisRole: 'curator' }), '2025-03-10')).toBe(true);
    expect(availableOn(tool(), '2025-03-09')).toBe(false);
  });
});

describe('downloads', () => {
  it('takes crawlers, scripted clients, an empty agent and headless browsers for robots', () => {
    const browser =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
    expect(isRobot(browser)).toBe(false);
    expect(
      isRobot(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile Safari/604.1',
      ),
    ).toBe(false);
    for (const agent of [
      '',
      undefined,
      'Googlebot/2.1',
      'Mozilla/5.0 (compatible; bingbot/2.0)',
      'curl/8.5.0',
      'Wget/1.21',
      'python-requests/2.31',
      'facebookexternalhit/1.1',
      'GPTBot/1.0',
    ]) {
      expect(isRobot(agent)).toBe(true);
    }
    const headless = browser.replace('Chrome/', 'HeadlessChrome/');
    expect(isRobot(headless)).toBe(true);
    expect(isRobot(headless, true)).toBe(false);
  });

  it('keys a visitor by a keyed hash of address and agent, never the address itself', () => {
    const key = visitorKey('secret', '203.0.113.5', 'UA');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).toBe(visitorKey('secret', '203.0.113.5', 'UA'));
    expect(key).not.toBe(visitorKey('secret', '203.0.113.6', 'UA'));
    expect(key).not.toBe(visitorKey('other', '203.0.113.5', 'UA'));
  });
});

describe('files, versions, licences', () => {
  it('checks the content against the declared type', () => {
    expect(matchesMediaType('application/pdf', Buffer.from('%PDF-1.7\n'))).toBe(true);
    expect(matchesMediaType('application/pdf', Buffer.from('a;b\n'))).toBe(false);
    expect(matchesMediaType('text/csv', Buffer.from('nom;ville\nأحمد;فاس\n'))).toBe(true);
    expect(matchesMediaType('text/csv', Buffer.from([0x61, 0x00, 0x62]))).toBe(false);
    expect(matchesMediaType('text/csv', Buffer.from([0xff, 0xfe, 0x41]))).toBe(false);
    expect(matchesMediaType('application/zip', Buffer.from('PK\x03\x04rest'))).toBe(true);
    expect(matchesMediaType('application/x-msdownload', Buffer.from('MZ'))).toBe(false);
  });

  it('takes version numbers like 1, 1.2, 1.2.3 and 2.0-ar', () => {
    for (const number of ['1', '1.2', '1.2.3', '2.0-ar', '1.0.0-beta.1'])
      expect(number).toMatch(VERSION_NUMBER);
    for (const number of ['v1', '1.2.3.4', '', '1..2', '1.0 ar'])
      expect(number).not.toMatch(VERSION_NUMBER);
  });

  it('stores SPDX ids in their own spelling and accepts LicenseRef-', () => {
    expect(canonicalLicence('cc-by-4.0')).toBe('CC-BY-4.0');
    expect(canonicalLicence(' ODbL-1.0 ')).toBe('ODbL-1.0');
    expect(canonicalLicence('LicenseRef-ORIS-Interne')).toBe('LicenseRef-ORIS-Interne');
    expect(canonicalLicence('Beerware-Forever')).toBeNull();
  });
});
