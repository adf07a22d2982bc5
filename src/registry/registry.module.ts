import { Module } from '@nestjs/common';
import { DivisionsController } from './divisions/divisions.controller';
import { DivisionsService } from './divisions/divisions.service';
import { LaoImportController } from './import/lao-import.controller';
import { LaoImportService } from './import/lao-import.service';
import { LaosController } from './laos/laos.controller';
import { LaosService } from './laos/laos.service';
import { ProvincesController } from './provinces/provinces.controller';
import { ProvincesService } from './provinces/provinces.service';
import { LaoServicesController } from './services/lao-services.controller';
import { LaoServicesService } from './services/lao-services.service';
import { ServiceCatalogController } from './services/service-catalog.controller';

/** Provinces, LAOs (with the CSV import), their divisions and their citizen-service settings. */
@Module({
  // The import controller comes first so `POST /laos/import` is never read as an LAO code.
  controllers: [
    LaoImportController,
    ProvincesController,
    LaosController,
    DivisionsController,
    LaoServicesController,
    ServiceCatalogController,
  ],
  providers: [ProvincesService, LaosService, LaoImportService, DivisionsService, LaoServicesService],
})
export class RegistryModule {}
