import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RegionDto } from './dto/region.dto';
import { Region } from './entities/region.entity';

@Injectable()
export class RegionsService {
  // Twelve rows that only a migration changes: read once per process.
  private cached?: Promise<RegionDto[]>;

  constructor(@InjectRepository(Region) private readonly regions: Repository<Region>) {}

  list(): Promise<RegionDto[]> {
    this.cached ??= this.regions
      .find({ order: { position: 'ASC' } })
      .then((rows) =>
        rows.map(({ code, nameFr, nameAr, nameEn }) => ({ code, nameFr, nameAr, nameEn })),
      )
      .catch((error: unknown) => {
        this.cached = undefined;
        throw error;
      });
    return this.cached;
  }

  async exists(code: string): Promise<boolean> {
    return (await this.list()).some((region) => region.code === code);
  }
}
