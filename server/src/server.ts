// Entry of the nianbao language server. `createConnection(ProposedFeatures.all)` picks the transport from the
// command line, so the same bundle serves VS Code (--node-ipc) and any other LSP client (--stdio).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { tuneHeap } from './heap';
import { startService } from './lsp/service';

tuneHeap();

const connection = createConnection(ProposedFeatures.all);
startService(connection);
