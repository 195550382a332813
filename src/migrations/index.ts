import * as migration_20261122_200832_initial from './20261122_200832_initial';
import * as migration_20261122_210757_article_headline from './20261122_210757_article_headline';
import * as migration_20261122_232535_search_index from './20261122_232535_search_index';
import * as migration_20261123_071805_credited_bylines from './20261123_071805_credited_bylines';
import * as migration_20261204_225043_photo_publicity from './20261204_225043_photo_publicity';
import * as migration_20261205_040305_desk_fields from './20261205_040305_desk_fields';
import * as migration_20261205_120111_listing_index_search_stale from './20261205_120111_listing_index_search_stale';
import * as migration_20261206_010707_roles_and_desks from './20261206_010707_roles_and_desks';
import * as migration_20261206_013816_review_chain from './20261206_013816_review_chain';
import * as migration_20261206_035640_review_records from './20261206_035640_review_records';
import * as migration_20261206_045848_proofreading from './20261206_045848_proofreading';
import * as migration_20261206_103606_page_imports from './20261206_103606_page_imports';
import * as migration_20261206_110754_site_settings from './20261206_110754_site_settings';
import * as migration_20261206_133647_article_outlet from './20261206_133647_article_outlet';
import * as migration_20261206_143929_channels_front_page_article_views from './20261206_143929_channels_front_page_article_views';

export const migrations = [
  {
    up: migration_20261122_200832_initial.up,
    down: migration_20261122_200832_initial.down,
    name: '20261122_200832_initial',
  },
  {
    up: migration_20261122_210757_article_headline.up,
    down: migration_20261122_210757_article_headline.down,
    name: '20261122_210757_article_headline',
  },
  {
    up: migration_20261122_232535_search_index.up,
    down: migration_20261122_232535_search_index.down,
    name: '20261122_232535_search_index',
  },
  {
    up: migration_20261123_071805_credited_bylines.up,
    down: migration_20261123_071805_credited_bylines.down,
    name: '20261123_071805_credited_bylines',
  },
  {
    up: migration_20261204_225043_photo_publicity.up,
    down: migration_20261204_225043_photo_publicity.down,
    name: '20261204_225043_photo_publicity',
  },
  {
    up: migration_20261205_040305_desk_fields.up,
    down: migration_20261205_040305_desk_fields.down,
    name: '20261205_040305_desk_fields',
  },
  {
    up: migration_20261205_120111_listing_index_search_stale.up,
    down: migration_20261205_120111_listing_index_search_stale.down,
    name: '20261205_120111_listing_index_search_stale',
  },
  {
    up: migration_20261206_010707_roles_and_desks.up,
    down: migration_20261206_010707_roles_and_desks.down,
    name: '20261206_010707_roles_and_desks',
  },
  {
    up: migration_20261206_013816_review_chain.up,
    down: migration_20261206_013816_review_chain.down,
    name: '20261206_013816_review_chain',
  },
  {
    up: migration_20261206_035640_review_records.up,
    down: migration_20261206_035640_review_records.down,
    name: '20261206_035640_review_records',
  },
  {
    up: migration_20261206_045848_proofreading.up,
    down: migration_20261206_045848_proofreading.down,
    name: '20261206_045848_proofreading',
  },
  {
    up: migration_20261206_103606_page_imports.up,
    down: migration_20261206_103606_page_imports.down,
    name: '20261206_103606_page_imports',
  },
  {
    up: migration_20261206_110754_site_settings.up,
    down: migration_20261206_110754_site_settings.down,
    name: '20261206_110754_site_settings',
  },
  {
    up: migration_20261206_133647_article_outlet.up,
    down: migration_20261206_133647_article_outlet.down,
    name: '20261206_133647_article_outlet',
  },
  {
    up: migration_20261206_143929_channels_front_page_article_views.up,
    down: migration_20261206_143929_channels_front_page_article_views.down,
    name: '20261206_143929_channels_front_page_article_views'
  },
];
