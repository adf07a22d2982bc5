import { Entity, PrimaryKey, Property, type Opt, PrimaryKeyProp } from '@mikro-orm/core';

/** One of the 77 provinces (TIS 1099 code); `phase1Target` marks the 65 of the rollout letter. */
@Entity({ tableName: 'province' })
export class Province {
  [PrimaryKeyProp]?: 'code';

  @PrimaryKey({ length: 2 })
  code!: string;

  @Property({ length: 100 })
  nameTh!: string;

  @Property({ length: 100 })
  nameEn!: string;

  @Property({ length: 20 })
  region!: string;

  @Property({ default: false, fieldName: 'phase1_target' })
  phase1Target: Opt<boolean> = false;
}
