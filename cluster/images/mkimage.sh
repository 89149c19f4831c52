#!/usr/bin/env bash
# mkimage.sh OUT.tar NAME:TAG ROOTFS.tar CONFIG_JSON_FRAGMENT
# Wraps one rootfs tarball (one layer) into a docker-archive image tarball that
# `ctr images import` accepts. CONFIG_JSON_FRAGMENT is the JSON object for the image's
# "config" (Env, Cmd, Entrypoint, WorkingDir, User).
set -euo pipefail
out="$1" ref="$2" rootfs="$3" cfg="$4"
work="$(mktemp -d "${out}.work.XXXXXX")"
trap 'rm -rf "$work"' EXIT
diff_id="$(sha256sum "$rootfs" | cut -d' ' -f1)"
mkdir -p "$work/$diff_id"
ln "$rootfs" "$work/$diff_id/layer.tar" 2>/dev/null || cp "$rootfs" "$work/$diff_id/layer.tar"
created="1970-01-01T00:00:00Z"
printf '{"architecture":"amd64","os":"linux","created":"%s","config":%s,"rootfs":{"type":"layers","diff_ids":["sha256:%s"]},"history":[{"created":"%s","created_by":"kube-jvm-dump cluster/images/build-images.sh"}]}' \
  "$created" "$cfg" "$diff_id" "$created" > "$work/config.json"
cfg_id="$(sha256sum "$work/config.json" | cut -d' ' -f1)"
mv "$work/config.json" "$work/$cfg_id.json"
printf '[{"Config":"%s.json","RepoTags":["%s"],"Layers":["%s/layer.tar"]}]' "$cfg_id" "$ref" "$diff_id" > "$work/manifest.json"
printf '{"%s":{"%s":"%s"}}' "${ref%:*}" "${ref##*:}" "$diff_id" > "$work/repositories"
tar -C "$work" --owner=0 --group=0 --numeric-owner -cf "$out.part" manifest.json repositories "$cfg_id.json" "$diff_id"
mv "$out.part" "$out"
