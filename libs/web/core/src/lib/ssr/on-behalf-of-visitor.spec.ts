import { onBehalfOfVisitor } from './on-behalf-of-visitor';

describe('onBehalfOfVisitor', () => {
  it('names the visitor on every request, replacing what the request said', async () => {
    const sent: Request[] = [];
    const fetch = onBehalfOfVisitor(async (request) => {
      sent.push(request);
      return new Response('{}');
    }, '203.0.113.7, 127.0.0.1');

    await fetch(
      new Request('http://api/api/v1/verify/ABC123', {
        headers: { 'X-Forwarded-For': '198.51.100.1', 'Accept-Language': 'ar' },
      }),
    );

    expect(sent[0].headers.get('X-Forwarded-For')).toBe('203.0.113.7, 127.0.0.1');
    expect(sent[0].headers.get('Accept-Language')).toBe('ar');
    expect(sent[0].url).toBe('http://api/api/v1/verify/ABC123');
  });

  it('leaves the transport as it is when no visitor is known', () => {
    const transport = async () => new Response('{}');
    expect(onBehalfOfVisitor(transport, undefined)).toBe(transport);
  });
});
