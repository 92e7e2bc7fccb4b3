import { Check, Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** Reference data seeded by migration; never written by the application. */
@Entity('region')
@Check('region_code_check', `code ~ '^MA-[0-9]{2}$'`)
@Unique('region_position_key', ['position'])
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
