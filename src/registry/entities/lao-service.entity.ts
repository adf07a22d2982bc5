import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Rel, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { CitizenService } from './citizen-service.entity';
import { Division } from './division.entity';
import { Lao } from './lao.entity';

/** One LAO's settings for one catalog service. `open` means open to the public. */
@Entity({ tableName: 'lao_service' })
@Unique({ properties: ['lao', 'service'] })
/** Few services are open: the readiness dashboard counts them per LAO from this small index. */
@Index({
  name: 'lao_service_open_idx',
  properties: ['lao'],
  expression: 'create index "lao_service_open_idx" on "lao_service" ("lao_code") where "open"',
})
export class LaoService {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @ManyToOne(() => Lao)
  lao!: Rel<Lao>;

  @ManyToOne(() => CitizenService)
  service!: Rel<CitizenService>;

  @Property({ default: false })
  enabled: Opt<boolean> = false;

  @Property({ default: false })
  open: Opt<boolean> = false;

  @Property({ type: 'decimal', precision: 12, scale: 2, nullable: true })
  fee?: string | null;

  @ManyToOne(() => Division, { nullable: true })
  division?: Rel<Division> | null;

  @Property({ default: 15 })
  slaDays: Opt<number> = 15;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
