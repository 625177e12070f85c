/** Each test file's temporary folders (archives, builds, caches) go when it ends. */
import { afterAll } from 'vitest';
import { removeTempDirs } from '../helpers/build.ts';

afterAll(removeTempDirs);
