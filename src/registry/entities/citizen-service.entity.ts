import { Entity, PrimaryKey, Property, type Opt, PrimaryKeyProp } from '@mikro-orm/core';

/** An entry of the national citizen-services catalog. */
@Entity({ tableName: 'citizen_service' })
export class CitizenService {
  [PrimaryKeyProp]?: 'key';

  @PrimaryKey({ length: 64 })
  key!: string;

  @Property({ length: 300 })
  nameTh!: string;

  @Property({ length: 300 })
  nameEn!: string;

  @Property({ length: 200, nullable: true })
  divisionHint?: string | null;

  @Property({ default: 0 })
  sortOrder: Opt<number> = 0;
}
