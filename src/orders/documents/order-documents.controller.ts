import {
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Put,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Policy } from '../../access/policy.decorator';
import { type Caller, CurrentCaller } from '../../access/request-context';
import type { DocumentView } from '../order.presenter';
import { contentDisposition, DocumentDownloadService } from './document-download.service';
import { OrderDocumentsService } from './order-documents.service';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders/:id/document')
export class OrderDocumentsController {
  constructor(
    private readonly uploads: OrderDocumentsService,
    private readonly downloads: DocumentDownloadService,
  ) {}

  /** Multipart field `file` (and optionally `version`); 202 while the worker validates. */
  @Put()
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @Policy('upload', 'AppointmentOrder')
  upload(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: Request,
  ): Promise<DocumentView> {
    return this.uploads.upload(caller, id, req);
  }

  @Get()
  @Policy('read', 'AppointmentOrder')
  async download(
    @CurrentCaller() caller: Caller,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.downloads.open(caller, id);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    // Verified bytes only (see DocumentDownloadService): nothing is sent before the hash matched.
    return new StreamableFile(file.bytes, {
      type: 'application/pdf',
      length: file.bytes.length,
      disposition: contentDisposition(file.filename),
    });
  }
}
