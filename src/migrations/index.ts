import * as migration_20261122_194501_initial from './20261122_194501_initial';

export const migrations = [
  {
    up: migration_20261122_194501_initial.up,
    down: migration_20261122_194501_initial.down,
    name: '20261122_194501_initial'
  },
];
