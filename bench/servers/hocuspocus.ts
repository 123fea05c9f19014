// Hocuspocus 4 with its SQLite extension, as the benchmark's peer: node servers/hocuspocus.ts <port> <db-file>
import { Server } from '@hocuspocus/server';
import { SQLite } from '@hocuspocus/extension-sqlite';

const port = Number(process.argv[2]);
const database = process.argv[3]!;
const server = new Server({ port, address: '127.0.0.1', quiet: true, extensions: [new SQLite({ database })] });
await server.listen();
console.log(`listening ${server.address.port}`);
