#!/bin/sh
# Builds the python-3.11 sandbox image from Debian packages alone, with no registry:
# a minimal Debian root with python3 (debootstrap), the loader and test harness, then `docker import`.
# Run by `lionlearn sandbox build`, or by hand (as root):  sh recipe.sh TAG [MIRROR]
set -eu
tag="$1"
mirror="${2:-http://deb.debian.org/debian}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(mktemp -d)/rootfs"
trap 'rm -rf "$(dirname "$root")"' EXIT

echo "step 1/3: debootstrap bookworm (minbase + python3) from $mirror"
debootstrap --variant=minbase --include=python3 bookworm "$root" "$mirror"

echo "step 2/3: trim, add the learner user and the harness"
rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/* \
  "$root"/usr/share/locale/* "$root"/var/log/*
echo 'learner:x:10001:10001:learner:/work:/usr/sbin/nologin' >> "$root/etc/passwd"
echo 'learner:x:10001:' >> "$root/etc/group"
mkdir -p "$root/opt/lionlearn" "$root/work"
cp "$here/loader.py" "$here/harness.py" "$root/opt/lionlearn/"
chmod 0644 "$root/opt/lionlearn/"*.py

echo "step 3/3: docker import as $tag"
tar -C "$root" --numeric-owner -c . | docker import \
  --change 'USER 10001:10001' \
  --change 'WORKDIR /work' \
  --change 'ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PYTHONSAFEPATH=1 HOME=/work LANG=C.UTF-8' \
  --change 'LABEL org.lionagi.learn.runtime=python-3.11' \
  --change 'CMD ["python3", "-I", "/opt/lionlearn/loader.py"]' \
  - "$tag"
echo "built $tag"
