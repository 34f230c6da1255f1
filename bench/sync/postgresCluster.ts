import {
  databaseUrl,
  postgresInstalled,
  startPostgresCluster,
  withAdmin,
} from '../../tests/support/postgresCluster'

// The throwaway PostgreSQL cluster of the sync benchmarks (tests/support/postgresCluster.ts). Unlike
// the tests' cluster it keeps fsync on and gets a real server's memory: the figures are for a real server.

export interface BenchCluster {
  /** A new empty database on the cluster; returns its URL. */
  createDatabase(name: string): Promise<string>
  stop(): Promise<void>
}

const benchSettings = [
  '-c shared_buffers=512MB -c work_mem=32MB -c maintenance_work_mem=256MB',
  '-c max_wal_size=4GB -c checkpoint_timeout=30min',
]

/** The cluster, or the reason there is none where PostgreSQL is not installed. */
export async function startBenchCluster(): Promise<BenchCluster | { missing: string }> {
  if (!postgresInstalled()) return { missing: 'PostgreSQL is not installed (apt-get install -y postgresql)' }
  const cluster = await startPostgresCluster({ settings: benchSettings, folderPrefix: 'rustavi-bench-pg-' })
  return {
    async createDatabase(name) {
      await withAdmin(cluster.adminUrl, (client) => client.query(`CREATE DATABASE ${name}`))
      return databaseUrl(cluster.adminUrl, name)
    },
    stop: () => cluster.stop(),
  }
}
