import { sniffMediaType } from './file-types';
import { MATERIAL_FILE_TYPES } from './material';

const bytes = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(
    parts.map((part) =>
      typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part),
    ),
  );

describe('sniffMediaType', () => {
  it.each([
    ['a PDF', bytes('%PDF-1.7\n'), 'application/pdf'],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['a GIF', bytes('GIF89a', [1, 0]), 'image/gif'],
    ['a WebP', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['a WAV', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '), 'audio/wav'],
    ['an MP3 with its tag', bytes('ID3', [4, 0, 0]), 'audio/mpeg'],
    ['an MP3 frame', bytes([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg'],
    ['an Ogg', bytes('OggS', [0, 2]), 'audio/ogg'],
    ['a FLAC', bytes('fLaC', [0]), 'audio/flac'],
    ['an M4A', bytes([0, 0, 0, 0x20], 'ftypM4A ', [0, 0]), 'audio/mp4'],
    ['an MP4', bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0]), 'video/mp4'],
    ['a WebM', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f]), 'video/webm'],
    [
      'an ODP',
      bytes(
        [0x50, 0x4b, 0x03, 0x04],
        Buffer.alloc(26).toString('latin1'),
        'mimetype',
        'application/vnd.oasis.opendocument.presentation',
      ),
      'application/vnd.oasis.opendocument.presentation',
    ],
    [
      'a PPTX',
      bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....ppt/presentation.xml'),
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
  ])('recognises %s from its bytes', (_name, content, mediaType) => {
    expect(sniffMediaType(content)?.mediaType).toBe(mediaType);
  });

  it.each([
    ['a Windows executable named .pdf', bytes('MZ', [0x90, 0, 3, 0])],
    ['any other ZIP', bytes([0x50, 0x4b, 0x03, 0x04], 'payload.exe')],
    ['an unknown RIFF', bytes('RIFF', [0, 0, 0, 0], 'AVI LIST')],
    ['nothing', bytes()],
  ])('refuses %s', (_name, content) => {
    expect(sniffMediaType(content)).toBeNull();
  });

  // Read as text or as a document, none of them is a type a module's material accepts.
  it.each([
    ['an HTML page', bytes('<!doctype html><script>alert(1)</script>')],
    ['an SVG (it can carry script)', bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>')],
    ['a shell script', bytes('#!/bin/sh\nrm -rf /\n')],
    [
      'a text document (ODT)',
      bytes(
        [0x50, 0x4b, 0x03, 0x04],
        Buffer.alloc(26).toString('latin1'),
        'mimetype',
        'application/vnd.oasis.opendocument.text',
      ),
    ],
    ['three bytes', bytes('%PD')],
  ])('gives module material none of its types for %s', (_name, content) => {
    expect(MATERIAL_FILE_TYPES[sniffMediaType(content)?.mediaType ?? '']).toBeUndefined();
  });
});
