import { Module } from '@nestjs/common';
import { RawUploadBodyParser } from '@oris/api/platform';
import { IdentityModule } from '@oris/api/identity';
import { SearchIndexModule } from '@oris/api/search';
import { PublicToolsController } from './http/public-tools.controller';
import { ToolsIndicatorController } from './http/tools-indicator.controller';
import { ToolsController } from './http/tools.controller';
import { KnowledgeToolsIndicator } from './indicator/knowledge-tools-indicator';
import { DemoKnowledgeTools } from './seed/demo-knowledge-tools';
import { ToolDownloads } from './tools/tool-downloads';
import { ToolReader } from './tools/tool-reader';
import { ToolWriter } from './tools/tool-writer';
import { VersionRecorder } from './tools/version-recorder';

/** Knowledge tools: the registry, its public catalogue and downloads, and its indicator. */
@Module({
  imports: [IdentityModule, SearchIndexModule],
  controllers: [ToolsController, PublicToolsController, ToolsIndicatorController],
  providers: [
    ToolReader,
    ToolWriter,
    VersionRecorder,
    ToolDownloads,
    RawUploadBodyParser,
    KnowledgeToolsIndicator,
    DemoKnowledgeTools,
  ],
  exports: [KnowledgeToolsIndicator, ToolDownloads, DemoKnowledgeTools],
})
export class KnowledgeToolsModule {}
