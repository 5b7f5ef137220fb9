#!/usr/bin/env node
// The `kechuang` command. Runs the TypeScript sources through tsx so there is no build step for the server.
import { register } from 'tsx/esm/api';
register();
await import('../src/app/cli.ts');
