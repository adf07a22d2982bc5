import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  type Rel,
  type Opt,
  PrimaryKeyProp,
} from '@mikro-orm/core';
import { Province } from './province.entity';

export const LAO_TYPES = [
  'pao',
  'city_municipality',
  'town_municipality',
  'subdistrict_municipality',
  'sao',
  'pattaya',
] as const;
export type LaoType = (typeof LAO_TYPES)[number];

/** A Local Administrative Organization (อปท.). The 7-digit code is opaque: its type comes from here. */
@Entity({ tableName: 'lao' })
@Index({ properties: ['province'] })
/** Trigram search of Thai names (GET /api/laos?q=); created by the reference-data migration. */
@Index({
  name: 'lao_name_trgm',
  properties: ['nameTh'],
  expression: 'create index "lao_name_trgm" on "lao" using gin ("name_th" gin_trgm_ops)',
})
export class Lao {
  [PrimaryKeyProp]?: 'code';

  @PrimaryKey({ length: 7 })
  code!: string;

  @Property({ length: 200 })
  nameTh!: string;

  @Enum({ items: () => LAO_TYPES })
  type!: LaoType;

  @Property({ length: 100 })
  districtTh!: string;

  @ManyToOne(() => Province)
  province!: Rel<Province>;

  @Property({ type: 'text', nullable: true })
  address?: string | null;

  @Property({ length: 50, nullable: true })
  phone?: string | null;

  @Property({ length: 254, nullable: true })
  email?: string | null;

  @Property({ length: 300, nullable: true })
  website?: string | null;

  @Property({ default: false, fieldName: 'phase1_target' })
  phase1Target: Opt<boolean> = false;

  /** Business days the province has to review this LAO's orders before they show as overdue. */
  @Property({ default: 5 })
  reviewSlaDays: Opt<number> = 5;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
