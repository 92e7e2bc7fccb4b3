import type { Repository } from 'typeorm';
import type { Region } from './entities/region.entity';
import { RegionsService } from './regions.service';

const rabat: Region = {
  code: 'MA-04',
  position: 4,
  nameFr: 'Rabat-Salé-Kénitra',
  nameAr: 'الرباط سلا القنيطرة',
  nameEn: 'Rabat-Sale-Kenitra',
};

const repositoryAnswering = (...answers: (() => Promise<Region[]>)[]) => {
  const find = jest.fn();
  for (const answer of answers) find.mockImplementationOnce(answer);
  return { repository: { find } as unknown as Repository<Region>, find };
};

describe('RegionsService', () => {
  it('reads the regions once and answers from memory afterwards', async () => {
    const { repository, find } = repositoryAnswering(async () => [rabat]);
    const regions = new RegionsService(repository);
    expect(await regions.list()).toEqual([
      { code: 'MA-04', nameFr: rabat.nameFr, nameAr: rabat.nameAr, nameEn: rabat.nameEn },
    ]);
    expect(await regions.exists('MA-04')).toBe(true);
    expect(await regions.exists('MA-13')).toBe(false);
    expect(find).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed read instead of caching the failure', async () => {
    const { repository, find } = repositoryAnswering(
      async () => {
        throw new Error('connection refused');
      },
      async () => [rabat],
    );
    const regions = new RegionsService(repository);
    await expect(regions.list()).rejects.toThrow('connection refused');
    expect(await regions.exists('MA-04')).toBe(true);
    expect(find).toHaveBeenCalledTimes(2);
  });
});
