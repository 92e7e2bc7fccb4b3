export * from './knowledge-tools.module';
export * from './knowledge-tools.exception';
export { KnowledgeToolsIndicator } from './indicator/knowledge-tools-indicator';
export { TOOLS_DEFINITION_VERSION } from './indicator/tools-definition';
export { SPDX_LICENCE_IDS } from './rules/spdx';
export { ToolDownloads } from './tools/tool-downloads';
export { DemoKnowledgeTools } from './seed/demo-knowledge-tools';
export { loadToolSearchDocuments } from './tools/tool-search';
