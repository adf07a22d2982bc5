import { Entity, Index, ManyToOne, PrimaryKey, Property, type Rel, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Lao } from './lao.entity';

/** A division (สำนัก/กอง) of one LAO; seeded with the usual six, then the LAO admin's to edit. */
@Entity({ tableName: 'division' })
@Index({ properties: ['lao', 'sortOrder'] })
export class Division {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @ManyToOne(() => Lao)
  lao!: Rel<Lao>;

  @Property({ length: 200 })
  nameTh!: string;

  @Property({ length: 200, nullable: true })
  nameEn?: string | null;

  @Property({ default: 0 })
  sortOrder: Opt<number> = 0;

  @Property({ default: true })
  active: Opt<boolean> = true;
}
