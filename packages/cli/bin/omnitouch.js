#!/usr/bin/env node
// The CLI is TypeScript run through tsx (the workspace consumes source directly; there is no build).
import { tsImport } from 'tsx/esm/api';

await tsImport('../src/main.ts', import.meta.url);
