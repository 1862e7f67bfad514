#!/bin/sh
# Install the Debian packages vl needs when any is missing: as root
# directly, else through sudo, else say exactly what to run.  A desktop's
# unattended upgrade may hold the apt lock: wait for it (5 minutes) rather
# than fail at once.  LibreOffice and poppler print the workbooks in the
# tests (tests/cli/xlsx_print.sh).
pkgs="gcc make pkg-config libcsv-dev libjansson-dev libssl-dev libcmocka-dev mandoc
    libxlsxwriter-dev python3-openpyxl gettext libreoffice-calc-nogui
    poppler-utils"
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
	    missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then sudo=; elif command -v sudo >/dev/null; then sudo=sudo; else
	echo "vl needs:$missing" >&2
	echo "run as root: apt-get update && apt-get install -y$missing" >&2
	exit 1
fi
echo "installing:$missing" >&2
wait="-o DPkg::Lock::Timeout=300"
echo "(waiting up to 5 minutes for the apt lock if another install holds it)" >&2
# shellcheck disable=SC2086
$sudo apt-get $wait update -qq >&2 &&
    $sudo apt-get $wait install -y -qq $missing >&2
