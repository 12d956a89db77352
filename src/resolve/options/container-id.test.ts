import { describe, expect, it } from 'vitest';
import { containerIdFrom, detectContainerId } from './container-id.js';

const ID = '3f4e8a1b9c0d2e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f';
const OUTER = 'a'.repeat(64);

/** `/proc/self/mountinfo` of a container on a cgroup v2 host (private cgroup namespace). */
const CONTAINER_MOUNTINFO = [
  '612 540 0:52 / / rw,relatime master:305 - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/X:/var/lib/docker/overlay2/l/Y,upperdir=/var/lib/docker/overlay2/abc/diff,workdir=/var/lib/docker/overlay2/abc/work',
  '613 612 0:55 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw',
  '620 612 0:30 / /sys/fs/cgroup ro,nosuid,nodev,noexec,relatime - cgroup2 cgroup rw,nsdelegate',
  `621 612 254:1 /var/lib/docker/containers/${ID}/resolv.conf /etc/resolv.conf rw,relatime - ext4 /dev/vda1 rw`,
  `622 612 254:1 /var/lib/docker/containers/${ID}/hostname /etc/hostname rw,relatime - ext4 /dev/vda1 rw`,
  `623 612 254:1 /var/lib/docker/containers/${ID}/hosts /etc/hosts rw,relatime - ext4 /dev/vda1 rw`,
  '624 612 254:1 /srv/ci /workspace rw,relatime - ext4 /dev/vda1 rw',
].join('\n');

/** `/proc/self/mountinfo` of a Docker HOST: other containers' shm mounts are in it too. */
const HOST_MOUNTINFO = [
  '22 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw',
  '25 22 0:5 / /dev rw,nosuid,relatime shared:2 - devtmpfs udev rw',
  `301 22 0:60 / /var/lib/docker/containers/${ID}/mounts/shm rw,nosuid,nodev,noexec,relatime shared:160 - tmpfs shm rw,size=65536k`,
  '302 22 0:61 / /var/lib/docker/overlay2/abc/merged rw,relatime shared:161 - overlay overlay rw',
].join('\n');

describe('containerIdFrom', () => {
  it('finds the id in the mounts of /etc/hostname and friends (cgroup v2, private namespace)', () => {
    expect(containerIdFrom(CONTAINER_MOUNTINFO, '0::/\n')).toBe(ID);
  });

  it('finds the id under another data root', () => {
    const mi = `621 612 8:17 /containers/${ID}/hostname /etc/hostname rw - ext4 /dev/sdb1 rw`;
    expect(containerIdFrom(mi, '')).toBe(ID);
  });

  it('finds the id in a cgroup v1 path (cgroupfs driver)', () => {
    const cgroup = [
      `12:pids:/docker/${ID}`,
      `11:memory:/docker/${ID}`,
      `1:name=systemd:/docker/${ID}`,
      '0::/system.slice/containerd.service',
    ].join('\n');
    expect(containerIdFrom('', cgroup)).toBe(ID);
  });

  it('finds the id in a systemd scope (cgroup v2 with the host namespace)', () => {
    expect(containerIdFrom('', `0::/system.slice/docker-${ID}.scope\n`)).toBe(ID);
  });

  it('takes the innermost container of Docker in Docker', () => {
    expect(containerIdFrom('', `5:memory:/docker/${OUTER}/docker/${ID}\n`)).toBe(ID);
  });

  it('finds none on a Docker host, whose mount table holds other containers’ shm mounts', () => {
    expect(
      containerIdFrom(HOST_MOUNTINFO, '0::/user.slice/user-1000.slice/session-3.scope\n'),
    ).toBeUndefined();
  });

  it('finds none on a machine made from a container image (a sandbox with /.dockerenv)', () => {
    const cgroup = [
      '4:memory:/process_api/9d250440867d3ff0a5aba9a384d8c021',
      '1:cpu:/',
      '0::/',
    ].join('\n');
    const mountinfo =
      '26 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n21 26 0:20 / /proc rw - proc proc rw';
    expect(containerIdFrom(mountinfo, cgroup)).toBeUndefined();
  });

  it('does not take a hex string that is not a whole path segment, or is too short', () => {
    expect(containerIdFrom('', `0::/mydocker/${ID}\n`)).toBeUndefined();
    expect(containerIdFrom('', `0::/docker/${ID.slice(1)}\n`)).toBeUndefined();
    expect(containerIdFrom('', `0::/docker/${ID}0\n`)).toBeUndefined();
  });

  it('is read from /proc/self through the reader it is given', () => {
    const files: Record<string, string> = {
      '/proc/self/mountinfo': '',
      '/proc/self/cgroup': `0::/system.slice/docker-${ID}.scope\n`,
    };
    expect(detectContainerId((p) => files[p] ?? '')).toBe(ID);
    expect(detectContainerId(() => '')).toBeUndefined();
  });
});
