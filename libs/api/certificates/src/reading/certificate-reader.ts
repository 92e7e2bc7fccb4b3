import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AppConfig, pageOf, type AuthenticatedUser, type Page } from '@oris/api/platform';
import type { Repository } from 'typeorm';
import { certificateNotFound } from '../certificate.exception';
import type { CertificateListQuery } from '../dto/certificate-list.query';
import type { CertificateDto } from '../dto/certificate.dto';
import { Certificate } from '../entities/certificate.entity';
import { toCertificateDto } from './certificate-mapper';

/** `%`, `_` and `\` are literal in a search. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/** Who may see a certificate: its holder and administrators. Anyone else gets 404, not 403. */
export const maySee = (user: AuthenticatedUser, certificate: Pick<Certificate, 'userId'>) =>
  certificate.userId === user.id || user.roles.includes('admin');

@Injectable()
export class CertificateReader {
  constructor(
    @InjectRepository(Certificate) private readonly certificates: Repository<Certificate>,
    private readonly config: AppConfig,
  ) {}

  /** The revocation note is the staff's: administrators see it, the holder does not. */
  toDto(certificate: Certificate, viewer: AuthenticatedUser): CertificateDto {
    return toCertificateDto(certificate, this.config.PUBLIC_WEB_URL, {
      withRevocationNote: viewer.roles.includes('admin'),
    });
  }

  /** The certificate if `user` may see it; 404 otherwise (an id of someone else's reveals nothing). */
  async visible(user: AuthenticatedUser, id: string): Promise<Certificate> {
    const certificate = await this.certificates.findOne({
      where: { id },
      relations: { replacedBy: true },
    });
    if (!certificate || !maySee(user, certificate)) throw certificateNotFound(id);
    return certificate;
  }

  async mine(user: AuthenticatedUser): Promise<CertificateDto[]> {
    const rows = await this.certificates.find({
      where: { userId: user.id },
      relations: { replacedBy: true },
      order: { issuedAt: 'DESC', serial: 'DESC' },
    });
    return rows.map((row) => this.toDto(row, user));
  }

  async list(
    viewer: AuthenticatedUser,
    query: CertificateListQuery,
  ): Promise<Page<CertificateDto>> {
    const builder = this.certificates
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.replacedBy', 'successor');
    if (query.session) builder.andWhere('c.session_id = :session', { session: query.session });
    if (query.status) builder.andWhere('c.status = :status', { status: query.status });
    if (query.q) {
      builder.andWhere(
        `(c.serial ILIKE :q OR c.holder_name ILIKE :q OR c.holder_name_ar ILIKE :q OR c.course_title ILIKE :q)`,
        { q: `%${escapeLike(query.q)}%` },
      );
    }
    const [rows, total] = await builder
      .orderBy('c.issued_at', 'DESC')
      .addOrderBy('c.serial', 'DESC')
      .skip(query.skip)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(
      rows.map((row) => this.toDto(row, viewer)),
      total,
      query,
    );
  }
}
