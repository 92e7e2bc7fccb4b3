import {
  HttpClient,
  HttpErrorResponse,
  HttpHeaders,
  type HttpResponse,
} from '@angular/common/http';
import { inject } from '@angular/core';
import type { FetchFn } from './api.tokens';

/**
 * The API transport for the app: reads (GET) go through Angular's HttpClient, so that what the
 * server fetched while rendering a page is handed to the browser in the page (HttpClient's
 * transfer cache) and not fetched again during hydration; everything else is plain fetch.
 * Answers come back as fetch `Response`s, as the API client expects.
 */
export function httpClientFetch(): FetchFn {
  const http = inject(HttpClient);
  return (request) => (request.method === 'GET' ? viaHttpClient(http, request) : fetch(request));
}

function viaHttpClient(http: HttpClient, request: Request): Promise<Response> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  return new Promise<Response>((resolve, reject) => {
    const signal = request.signal;
    if (signal?.aborted) return reject(signal.reason);
    const subscription = http
      .get(request.url, {
        headers: new HttpHeaders(headers),
        observe: 'response',
        // Bytes, whatever the answer is (JSON, a PDF): the transfer cache writes an ArrayBuffer
        // into the page as base64, while a Blob would reach the browser empty.
        responseType: 'arraybuffer',
        withCredentials: request.credentials === 'include',
      })
      .subscribe({
        next: (answer) => resolve(toResponse(answer.status, answer.headers, answer.body)),
        error: (error: unknown) => {
          if (error instanceof HttpErrorResponse && error.status !== 0) {
            resolve(toResponse(error.status, error.headers, error.error));
          } else {
            reject(new TypeError('Failed to fetch', { cause: error }));
          }
        },
      });
    signal?.addEventListener('abort', () => {
      subscription.unsubscribe();
      reject(signal.reason);
    });
  });
}

function toResponse(status: number, source: HttpResponse<unknown>['headers'], body: unknown) {
  const headers = new Headers();
  for (const name of source.keys()) {
    for (const value of source.getAll(name) ?? []) headers.append(name, value);
  }
  // Null-body statuses (204, 304) take no body; an error body may come as text.
  const content =
    status === 204 || status === 304 || body === null || body === undefined
      ? null
      : body instanceof ArrayBuffer
        ? body
        : typeof body === 'string'
          ? body
          : JSON.stringify(body);
  return new Response(content, { status, headers });
}
