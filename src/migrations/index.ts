import * as migration_20261122_200359_initial from './20261122_200359_initial';

export const migrations = [
  {
    up: migration_20261122_200359_initial.up,
    down: migration_20261122_200359_initial.down,
    name: '20261122_200359_initial'
  },
];
