import { MigrationInterface, QueryRunner } from 'typeorm';

/** The 12 regions of Morocco (ISO 3166-2:MA), in the official order, from shared/data/regions.csv. */
const REGIONS: [code: string, nameFr: string, nameAr: string, nameEn: string][] = [
  ['MA-01', 'Tanger-Tétouan-Al Hoceïma', 'طنجة تطوان الحسيمة', 'Tangier-Tetouan-Al Hoceima'],
  ['MA-02', "L'Oriental", 'الشرق', 'Oriental'],
  ['MA-03', 'Fès-Meknès', 'فاس مكناس', 'Fez-Meknes'],
  ['MA-04', 'Rabat-Salé-Kénitra', 'الرباط سلا القنيطرة', 'Rabat-Sale-Kenitra'],
  ['MA-05', 'Béni Mellal-Khénifra', 'بني ملال خنيفرة', 'Beni Mellal-Khenifra'],
  ['MA-06', 'Casablanca-Settat', 'الدار البيضاء سطات', 'Casablanca-Settat'],
  ['MA-07', 'Marrakech-Safi', 'مراكش آسفي', 'Marrakesh-Safi'],
  ['MA-08', 'Drâa-Tafilalet', 'درعة تافيلالت', 'Draa-Tafilalet'],
  ['MA-09', 'Souss-Massa', 'سوس ماسة', 'Souss-Massa'],
  ['MA-10', 'Guelmim-Oued Noun', 'كلميم واد نون', 'Guelmim-Oued Noun'],
  ['MA-11', 'Laâyoune-Sakia El Hamra', 'العيون الساقية الحمراء', 'Laayoune-Sakia El Hamra'],
  ['MA-12', 'Dakhla-Oued Ed-Dahab', 'الداخلة وادي الذهب', 'Dakhla-Oued Ed-Dahab'],
];

export class CreateRegions1764100000000 implements MigrationInterface {
  name = 'CreateRegions1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await queryRunner.query(`
      CREATE TABLE region (
        code varchar(5) PRIMARY KEY CHECK (code ~ '^MA-[0-9]{2}$'),
        position smallint NOT NULL UNIQUE,
        name_fr varchar(80) NOT NULL,
        name_ar varchar(80) NOT NULL,
        name_en varchar(80) NOT NULL
      )`);
    for (const [index, [code, nameFr, nameAr, nameEn]] of REGIONS.entries()) {
      await queryRunner.query(
        `INSERT INTO region (code, position, name_fr, name_ar, name_en) VALUES ($1, $2, $3, $4, $5)`,
        [code, index + 1, nameFr, nameAr, nameEn],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE region`);
  }
}
