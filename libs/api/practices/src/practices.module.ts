import { Module } from '@nestjs/common';
import { IdentityModule } from '@oris/api/identity';
import { RawUploadBodyParser } from '@oris/api/platform';
import { SearchIndexModule } from '@oris/api/search';
import { PracticeAttachmentsController } from './http/practice-attachments.controller';
import { PracticeHistoryController } from './http/practice-history.controller';
import { PracticePdfController } from './http/practice-pdf.controller';
import { PracticeWorkflowController } from './http/practice-workflow.controller';
import { PracticesController } from './http/practices.controller';
import { DemoPractices } from './seed/demo-practices';
import { PracticeAttachments } from './sheets/practice-attachments';
import { PracticeComments } from './sheets/practice-comments';
import { PracticeReader } from './sheets/practice-reader';
import { PracticeSnapshots } from './sheets/practice-snapshots';
import { PracticeWorkflow } from './sheets/practice-workflow';
import { PracticeWriter } from './sheets/practice-writer';

/**
 * The practice library: sheets, their workflow, versions, comments and files (uploaded as raw
 * bodies through the platform's one parser, served with its `sendStoredFile`).
 */
@Module({
  imports: [IdentityModule, SearchIndexModule],
  controllers: [
    PracticesController,
    PracticeWorkflowController,
    PracticeHistoryController,
    PracticeAttachmentsController,
    PracticePdfController,
  ],
  providers: [
    PracticeSnapshots,
    PracticeReader,
    PracticeWriter,
    PracticeWorkflow,
    PracticeComments,
    PracticeAttachments,
    DemoPractices,
    RawUploadBodyParser,
  ],
  exports: [PracticeReader, DemoPractices],
})
export class PracticesModule {}
