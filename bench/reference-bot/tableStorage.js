'use strict';
// A minimal botbuilder Storage on Azure Tables (@azure/data-tables): one entity per storage key, the item as JSON,
// optimistic concurrency through the entity ETag (like CoachBot's state row). Keys are escaped the way Azure Tables
// requires ('/', '\', '#', '?' and control characters are not allowed in keys).
const { TableClient } = require('@azure/data-tables');

function escapeKey(key) {
  // eslint-disable-next-line no-control-regex
  return key.replace(/[/\\#?%\u0000-\u001f\u007f]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

class TableStorage {
  constructor(connectionString, tableName) {
    this.client = TableClient.fromConnectionString(connectionString, tableName, { allowInsecureConnection: true });
    this.ready = null;
  }

  async ensureTable() {
    if (!this.ready) this.ready = this.client.createTable().catch((e) => { this.ready = null; throw e; });
    return this.ready;
  }

  async read(keys) {
    await this.ensureTable();
    const result = {};
    await Promise.all(keys.map(async (key) => {
      try {
        const e = await this.client.getEntity(escapeKey(key), 'state');
        const item = JSON.parse(e.State);
        item.eTag = e.etag;
        result[key] = item;
      } catch (err) {
        if (err.statusCode !== 404) throw err;
      }
    }));
    return result;
  }

  async write(changes) {
    await this.ensureTable();
    await Promise.all(Object.entries(changes).map(async ([key, item]) => {
      const { eTag, ...rest } = item;
      const entity = { partitionKey: escapeKey(key), rowKey: 'state', State: JSON.stringify(rest) };
      if (eTag && eTag !== '*') await this.client.updateEntity(entity, 'Replace', { etag: eTag });
      else await this.client.upsertEntity(entity, 'Replace');
    }));
  }

  async delete(keys) {
    await this.ensureTable();
    await Promise.all(keys.map((key) => this.client.deleteEntity(escapeKey(key), 'state').catch((err) => {
      if (err.statusCode !== 404) throw err;
    })));
  }
}

module.exports = { TableStorage };
