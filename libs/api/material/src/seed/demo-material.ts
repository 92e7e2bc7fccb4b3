import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthenticatedUser } from '@oris/api/platform';
import PDFDocument from 'pdfkit';
import { DataSource } from 'typeorm';
import { MaterialWriter } from '../material/material-writer';

export interface DemoMaterialOptions {
  /** The demo trainer, an owner of ES-101. */
  trainerId: string;
  /** A session of ES-101: its course's first published module gets the material. */
  sessionId: string;
}

export interface DemoMaterialResult {
  lines: string[];
}

/** Big Buck Bunny (Blender Foundation, CC BY 3.0) on YouTube: a stable, freely licensed video. */
const DEMO_VIDEO_URL = 'https://www.youtube.com/watch?v=aqz-KE-bpKQ';

/**
 * The demo module's material: a one-page PDF made here with pdfkit (no download) and a video by
 * link, through the same writer as the API. Idempotent: a module that has material is left alone.
 */
@Injectable()
export class DemoMaterial {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: MaterialWriter,
  ) {}

  async seed(options: DemoMaterialOptions): Promise<DemoMaterialResult> {
    const [module]: { id: string }[] = await this.dataSource.query(
      `SELECT m.id FROM course_module m JOIN course_session s ON s.course_id = m.course_id
        WHERE s.id = $1 AND m.status = 'published' ORDER BY m.position LIMIT 1`,
      [options.sessionId],
    );
    if (!module) return { lines: ['Material: no published module in ES-101, skipped.'] };
    const [{ count }]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM module_material WHERE module_id = $1`,
      [module.id],
    );
    if (count > 0) return { lines: ['Material: ES-101’s first module already has its material.'] };
    const trainer = {
      id: options.trainerId,
      email: 'demo',
      roles: ['trainer'],
    } as AuthenticatedUser;
    await this.writer.upload(
      trainer,
      module.id,
      {
        fileName: 'fiche-ess.pdf',
        titleFr: 'Fiche : les bases de l’ESS',
        titleAr: 'بطاقة: أسس الاقتصاد الاجتماعي والتضامني',
        titleEn: 'Factsheet: social economy basics',
      },
      await demoFactsheet(),
    );
    await this.writer.addVideoLink(trainer, module.id, {
      url: DEMO_VIDEO_URL,
      titles: {
        fr: 'Vidéo d’exemple (Big Buck Bunny, Blender Foundation)',
        ar: 'فيديو توضيحي (Big Buck Bunny، مؤسسة Blender)',
        en: 'Sample video (Big Buck Bunny, Blender Foundation)',
      },
    });
    return { lines: ['Material: ES-101’s first module has a PDF factsheet and a video link.'] };
  }
}

/** A one-page PDF, byte-identical on every run (fixed creation date). */
function demoFactsheet(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const document = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: 'Les bases de l’ESS', Author: 'ORIS', CreationDate: new Date('2026-01-01') },
    });
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.font('Helvetica-Bold').fontSize(18).text('Les bases de l’ESS');
    document.moveDown().font('Helvetica').fontSize(11);
    for (const line of [
      'Gouvernance démocratique : une personne, une voix.',
      'Lucrativité limitée : les excédents servent d’abord la mission.',
      'Ancrage territorial : l’activité répond à des besoins locaux.',
    ]) {
      document.text(line).moveDown(0.5);
    }
    document.end();
  });
}
