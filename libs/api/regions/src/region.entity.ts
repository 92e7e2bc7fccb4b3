import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Reference data seeded by migration; never written by the application. */
@Entity('region')
export class Region {
  @PrimaryColumn({ type: 'varchar', length: 5 })
  code!: string;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ name: 'name_fr', type: 'varchar', length: 80 })
  nameFr!: string;

  @Column({ name: 'name_ar', type: 'varchar', length: 80 })
  nameAr!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 80 })
  nameEn!: string;
}
