import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Policy } from '../../access/policy.decorator';
import { CitizenService } from '../entities/citizen-service.entity';

export interface CatalogServiceView {
  key: string;
  nameTh: string;
  nameEn: string;
}

/**
 * The national catalog of citizen services (public knowledge, readable by every signed-in role): lets
 * the console name services a caller may not read an LAO's settings of, e.g. permissions still
 * waiting for their order.
 */
@ApiTags('registry')
@ApiBearerAuth()
@Controller('services')
export class ServiceCatalogController {
  constructor(private readonly em: EntityManager) {}

  @Get()
  @Policy('read', 'CitizenService')
  async list(): Promise<{ items: CatalogServiceView[]; nextCursor: null }> {
    const services = await this.em
      .fork()
      .find(CitizenService, {}, { orderBy: { sortOrder: 'asc', key: 'asc' }, limit: 500 });
    return {
      items: services.map((s) => ({ key: s.key, nameTh: s.nameTh, nameEn: s.nameEn })),
      nextCursor: null,
    };
  }
}
