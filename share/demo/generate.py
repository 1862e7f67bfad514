#!/usr/bin/env python3
"""Generate the vl demo register (share/demo/) and check it.

The register exercises the corrections of SPEC section 6: a project
amended (P33's completion deadline), a progress row voided (P10's start
typed twice) and a fund entry reversed (the payment booked to P07 by
mistake), each with its line in audit.csv, whose hash chain and file
digests are those the tools compute.

    python3 generate.py [DIR]        write plan.json, the CSV files and their
                                     audit trail (audit.csv, .vl-head) into DIR
                                     (default: the directory of this script)
    python3 generate.py --trail DIR...
                                     write the same first audit trail for
                                     registers kept as files: a line for
                                     each register file DIR holds
    python3 generate.py --rollup [DIR]
                                     write the roll-up demo (default
                                     ../rollup): qingshan this demo with its
                                     district, the trails of baishui, city
    python3 generate.py --check [DIR]
                                     parse the files strictly, check the fund
                                     facts and print the expected overdue list
                                     as of 2023-06-15 (README.md holds a copy)

Deterministic: the same script always writes the same bytes.  Everything is
fictional: towns, villages and people are made up.  Money is integer fen here
too, never a float.
"""

import csv
import datetime as dt
import hashlib
import io
import json
import os
import random
import sys

AS_OF = dt.date(2023, 6, 15)
START_BY = dt.date(2022, 12, 31)
COMPLETE_BY = dt.date(2023, 5, 31)
BUDGET = 3694000                # fen: 33692.00 upper + 3248.00 district

PLAN = {
    "name": "村级组织活动场所建设(第一批)",
    "villages": 50,
    "start_by": "2022-12-31",
    "complete_by": "2023-05-31",
    "total": "184.7万",
    "funding": [
        {"name": "中央、自治区、市", "levels": ["central", "region", "city"],
         "amount": "168.46万"},
        {"name": "区", "levels": ["district"], "amount": "16.24万"},
    ],
    "purposes": ["construction", "equipment"],
}

TOWNS = [
    ("青山镇", ["松林村", "石门村", "上坪村", "下坪村", "杨柳村", "枫树村", "龙潭村",
              "白沙村", "黄泥村", "竹山村", "新塘村", "梅岭村", "高田村"]),
    ("河口镇", ["马鞍村", "清水村", "长岭村", "凤鸣村", "渡头村", "沙洲村", "荷塘村",
              "古井村", "牛角村", "双溪村", "水口村", "芦苇村", "大湾村"]),
    ("石桥镇", ["石桥村", "樟木村", "茶园村", "岭脚村", "坡头村", "桐油村", "南山村",
              "北坡村", "平安村", "田心村", "塘边村", "老屋村"]),
    ("东岭镇", ["东岭村", "鹿鸣村", "云岩村", "桃源村", "金竹村", "银杏村", "岩口村",
              "栗子村", "红土村", "坳上村", "三江村", "望山村"]),
]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗梁宋郑谢韦覃蒙莫潘农廖卢苏蓝陆黎"
SINGLE = "强伟军勇杰涛斌辉刚敏静燕霞琳"
GIVEN = "建国志强海燕春梅秀兰明华德胜光荣家宝振国桂芳丽萍永红文忠玉珍立新卫东少军世平晓峰红英爱民国庆学文"

INSPECTORS = ["黄立新", "蒙桂芳", "韦志强", "覃晓峰"]   # the supervision office

MODES = ["new"] * 6 + ["expand"] * 3 + ["repair"]


def d(s):
    return dt.date.fromisoformat(s)


def yuan(fen):
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return "%s%d.%02d" % (sign, fen // 100, fen % 100)


def fen_of(s):
    """strict plain-yuan parser: -?digits.dd"""
    neg = s.startswith("-")
    body = s[1:] if neg else s
    whole, point, cents = body.partition(".")
    if not whole.isdigit() or point != "." or len(cents) != 2 or not cents.isdigit():
        raise ValueError("bad amount %r" % s)
    v = int(whole) * 100 + int(cents)
    return -v if neg else v


def people(rng, n):
    seen = set()
    out = []
    while len(out) < n:
        g = GIVEN[rng.randrange(len(GIVEN) // 2) * 2:][:2]
        if rng.random() < 0.3:
            g = SINGLE[rng.randrange(len(SINGLE))]
        name = SURNAMES[rng.randrange(len(SURNAMES))] + g
        if name not in seen and name not in INSPECTORS:
            seen.add(name)
            out.append(name)
    return out


# --------------------------------------------------------------------------
# the special projects of the demo (everything else is a normal project)

NOT_STARTED = {"P25", "P50"}          # P50 starts 2023-06-18, after the demo date
STARTED_ONLY = {                       # started, no completion as of the demo date
    "P05": "2022-12-06", "P19": "2022-12-09", "P33": "2022-12-05",
    "P40": "2022-12-14", "P41": "2022-12-07", "P49": "2023-01-10",
}
FUTURE_COMPLETED = {"P19": "2023-06-17"}
COMPLETED_FIXED = {                    # completion dates fixed by the design
    "P03": "2023-05-25", "P08": "2023-04-20", "P12": "2023-05-20",
    "P16": "2023-05-16", "P22": "2023-03-15", "P30": "2023-06-05",
    "P36": "2023-04-10", "P44": "2023-05-22", "P46": "2023-05-10",
}
NO_ACCEPTANCE = {"P03", "P08", "P16", "P22", "P30"}
ACCEPT_FIXED = {"P12": "2023-06-02", "P44": "2023-06-08", "P46": "2023-06-19"}
START_FIXED = {"P21": "2022-12-10", "P47": "2022-12-12", "P31": "2022-12-15"}
REVIEW_FIXED = {"P21": "2022-12-20", "P31": "2022-12-15", "P25": "2022-11-22",
                "P50": "2022-11-28", "P49": "2023-01-05"}
OVERRIDE = {"P49": ("2023-01-15", "2023-06-30"), "P33": ("", "2023-04-30")}
PARTIAL_ALLOC = {"P12": 1847000, "P37": 2000000, "P44": 3000000,
                 "P25": 0, "P50": 0}
# the corrections (SPEC 6): P10's start typed twice, the second voided
VOIDED_START = ("P10", "重复录入：P10 已登记开工")
# P33 (repair) was registered with the plan's deadline, amended since
AMEND = ("P33", "complete_by", "", "2023-04-30",
         "维修项目工期短，县委组织部核定 4 月底完工")
NO_LEADER = {"P45"}
NO_SPECIALIST = {"P18"}


def build():
    rng = random.Random(20220727)
    ids = ["P%02d" % i for i in range(1, 51)]
    leaders = people(rng, 50)
    specialists = people(rng, 80)
    specialists = [s for s in specialists if s not in leaders][:50]

    projects = []
    i = 0
    for town, villages in TOWNS:
        for v in villages:
            pid = ids[i]
            mode = rng.choice(MODES)
            area = rng.randrange(120, 301, 10)
            if pid == "P33":
                mode, area = "repair", 150
            sb, cb = OVERRIDE.get(pid, ("", ""))
            projects.append({
                "id": pid, "town": town, "village": v,
                "leader": "" if pid in NO_LEADER else leaders[i],
                "specialist": "" if pid in NO_SPECIALIST else specialists[i],
                "budget": yuan(BUDGET), "mode": mode, "area": str(area),
                "start_by": sb, "complete_by": cb,
            })
            i += 1

    progress = []        # (date, project, stage, note, voided, void_reason)
    inspections = []     # dicts without id
    funds = []           # dicts without id
    inspectors = INSPECTORS

    def insp(date, pid, phase, aspect, result, finding="", due="", closed=""):
        inspections.append({
            "date": date, "project": pid, "phase": phase, "aspect": aspect,
            "result": result, "finding": finding, "due": due, "closed": closed,
            "inspector": inspectors[len(inspections) % len(inspectors)],
        })

    def fund(date, kind, level="", source="", pid="", purpose="", fen=0,
             note="", reverses=""):
        funds.append({
            "date": date, "kind": kind, "level": level, "source": source,
            "project": pid, "purpose": purpose, "amount": fen, "note": note,
            "reverses": reverses,
        })

    # receipts: upper levels exactly 1684600.00, district 162000.00 (400.00 short)
    fund("2022-08-20", "receipt", "central", "finance", fen=100000000,
         note="中央专项资金")
    fund("2022-09-15", "receipt", "region", "finance", fen=40000000,
         note="自治区财政配套")
    fund("2022-09-15", "receipt", "region", "party_fee", fen=8460000,
         note="自治区党委党费配套")
    fund("2022-10-12", "receipt", "city", "finance", fen=15000000,
         note="市财政配套")
    fund("2022-10-12", "receipt", "city", "party_fee", fen=5000000,
         note="市委党费配套")
    fund("2022-11-08", "receipt", "district", "finance", fen=12000000,
         note="区财政配套")
    fund("2023-03-01", "receipt", "district", "party_fee", fen=4200000,
         note="区委党费配套(尚有400.00元未到位)")

    for n, p in enumerate(projects):
        pid = p["id"]
        # review before the start
        if pid == "P47":
            insp("2022-11-25", pid, "review", "quality", "fail",
                 "设计图纸未经审批即准备施工", "2022-12-10", "2022-12-08")
            start = d(START_FIXED[pid])
        else:
            if pid in START_FIXED:
                start = d(START_FIXED[pid])
            elif pid in STARTED_ONLY:
                start = d(STARTED_ONLY[pid])
            else:
                start = dt.date(2022, 12, 1) + dt.timedelta(rng.randrange(0, 26))
            if pid in REVIEW_FIXED:
                review = REVIEW_FIXED[pid]
            else:
                review = (start - dt.timedelta(rng.randrange(5, 21))).isoformat()
            insp(review, pid, "review", "quality", "pass")

        alloc = PARTIAL_ALLOC.get(pid, BUDGET)
        if alloc:
            adate = dt.date(2022, 11, 21) + dt.timedelta(n % 10)
            fund(adate.isoformat(), "allocation", pid=pid, fen=alloc,
                 note="下拨建设资金" if alloc == BUDGET else "先行下拨部分资金")

        if pid in NOT_STARTED:
            if pid == "P50":
                progress.append(("2023-06-18", pid, "started", "征地协调完毕后动工",
                                 "", ""))
            continue
        progress.append((start.isoformat(), pid, "started",
                         "举行开工仪式" if n % 7 == 0 else "", "", ""))
        if pid == VOIDED_START[0]:
            # the start typed again ten days later, voided the next day
            again = start + dt.timedelta(10)
            progress.append((again.isoformat(), pid, "started", "开工",
                             (again + dt.timedelta(1)).isoformat(),
                             VOIDED_START[1]))

        # completion
        if pid in STARTED_ONLY:
            comp = None
            if pid in FUTURE_COMPLETED:
                progress.append((FUTURE_COMPLETED[pid], pid, "completed", "",
                                 "", ""))
        elif pid in COMPLETED_FIXED:
            comp = d(COMPLETED_FIXED[pid])
        else:
            comp = dt.date(2023, 3, 1) + dt.timedelta(rng.randrange(0, 80))
        if comp:
            progress.append((comp.isoformat(), pid, "completed",
                             "主体及装修完工" if n % 5 == 0 else "", "", ""))

        # a check during construction for about half the projects
        if n % 2 == 0 and pid not in ("P05", "P40", "P41"):
            cdate = start + dt.timedelta(rng.randrange(30, 70))
            insp(cdate.isoformat(), pid, "check", rng.choice(
                ["quality", "progress", "safety"]), "pass")

        # acceptance
        if comp and pid not in NO_ACCEPTANCE and pid != "P36":
            if pid in ACCEPT_FIXED:
                adate = ACCEPT_FIXED[pid]
            else:
                adate = (comp + dt.timedelta(rng.randrange(3, 21))).isoformat()
            insp(adate, pid, "acceptance", "quality", "pass")

        # expenses
        if alloc == BUDGET:
            if comp:
                c1 = rng.randrange(1200000, 1800001, 100)
                c2 = rng.randrange(1000000, 1394001, 100)
                if n % 4 == 0:
                    e = BUDGET - c1 - c2            # spent to the fen
                else:
                    e = rng.randrange(300000, BUDGET - c1 - c2 + 1)
            else:
                c1 = rng.randrange(1000000, 1500001, 100)
                c2 = e = 0
        else:
            c1, c2, e = {"P12": (1500000, 0, 347000), "P37": (1700000, 0, 300000),
                         "P44": (1400000, 1000000, 450050)}[pid]
        if pid == "P03":
            # leave room for the expense of 2023-06-20 below
            e = min(e, BUDGET - c1 - c2 - 200000)
        t1 = start + dt.timedelta(rng.randrange(20, 41))
        if pid == "P08":
            # the second construction payment goes first to P07 by mistake
            pass
        fund(t1.isoformat(), "expense", pid=pid, purpose="construction", fen=c1,
             note="第一期工程款")
        if c2 and pid != "P08":
            t2 = comp - dt.timedelta(rng.randrange(0, 10))
            fund(t2.isoformat(), "expense", pid=pid, purpose="construction", fen=c2,
                 note="第二期工程款")
        if e:
            t3 = min(comp + dt.timedelta(rng.randrange(1, 15)), AS_OF)
            fund(t3.isoformat(), "expense", pid=pid, purpose="equipment", fen=e,
                 note="办公桌椅、档案柜等办公用品")
        if pid == "P08":
            fund("2023-03-10", "expense", pid="P07", purpose="construction",
                 fen=c2, note="第二期工程款")
            fund("2023-03-13", "expense", pid="P07", purpose="construction",
                 fen=-c2, note="冲销 #{WRONG}", reverses="{WRONG}")
            fund("2023-03-13", "expense", pid="P08", purpose="construction",
                 fen=c2, note="第二期工程款(原误记入P07)")

    # the other inspections of the design
    # typed with an ASCII comma (as a clerk might in Excel): quoted in the CSV
    insp("2023-01-12", "P02", "check", "quality", "fail",
         "屋面防水层起鼓,面积约3平方米,需铲除重做", "2023-02-12", "2023-02-06")
    insp("2023-02-20", "P27", "check", "progress", "fail",
         "施工队伍人员不足，进度滞后计划两周", "2023-03-20", "2023-03-25")
    insp("2023-03-08", "P39", "check", "funds", "fail",
         "工程款支付未附监理签认单", "2023-04-08", "2023-04-01")
    insp("2023-03-20", "P05", "check", "safety", "fail",
         "脚手架未设防护网，存在高处坠落隐患，已责令停工整改", "2023-04-05")
    insp("2023-04-25", "P36", "acceptance", "quality", "fail",
         "墙面抹灰空鼓开裂，门窗安装不牢", "2023-05-25")
    insp("2023-05-08", "P28", "check", "funds", "fail",
         '资金支出凭证缺少"村务监督委员会"签字', "2023-06-08")
    insp("2023-05-15", "P40", "check", "quality", "fail",
         "圈梁混凝土蜂窝麻面，需凿除修补", "2023-06-01", "2023-06-17")
    insp("2023-05-30", "P14", "check", "funds", "fail",
         "办公用品采购未按规定比价", "2023-06-15")
    insp("2023-06-01", "P41", "check", "safety", "fail",
         "施工现场未设安全警示标志，基坑边缘无防护栏杆", "2023-06-25")
    insp("2023-06-16", "P06", "check", "quality", "fail",
         "室内地面砖空鼓", "2023-06-20")

    # a spending recorded after the demo date
    fund("2023-06-20", "expense", pid="P03", purpose="equipment", fen=200000,
         note="会议桌椅(6月20日入账)")

    # order and number
    progress.sort(key=lambda r: (r[0], r[1]))
    progress = [(str(k),) + r for k, r in enumerate(progress, 1)]
    inspections.sort(key=lambda r: (r["date"], r["project"]))
    for k, r in enumerate(inspections, 1):
        r["id"] = str(k)
    order = {"receipt": 0, "allocation": 1, "expense": 2}
    funds = sorted(enumerate(funds),
                   key=lambda t: (t[1]["date"], order[t[1]["kind"]], t[0]))
    funds = [r for _, r in funds]
    for k, r in enumerate(funds, 1):
        r["id"] = str(k)
    wrong = [r for r in funds if r["project"] == "P07" and r["date"] == "2023-03-10"]
    assert len(wrong) == 1
    for r in funds:
        r["note"] = r["note"].replace("{WRONG}", wrong[0]["id"])
        r["reverses"] = r["reverses"].replace("{WRONG}", wrong[0]["id"])
        r["amount"] = yuan(r["amount"])
    return projects, progress, inspections, funds


def write_csv(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow([r[h] for h in header] if isinstance(r, dict) else r)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def plan_text(district=None):
    """plan.json laid out as in SPEC section 3 (a roll-up's district first)"""
    def j(v):
        return json.dumps(v, ensure_ascii=False)
    lines = ["{"]
    if district:
        lines.append('  "district": %s,' % j(district))
    for k in ("name", "villages", "start_by", "complete_by", "total"):
        lines.append("  %s: %s," % (j(k), j(PLAN[k])))
    lines.append('  "funding": [')
    fl = ['    {"name": %s, "levels": %s, "amount": %s}'
          % (j(f["name"]), j(f["levels"]), j(f["amount"]))
          for f in PLAN["funding"]]
    lines.append(",\n".join(fl))
    lines.append("  ],")
    lines.append('  "purposes": %s' % j(PLAN["purposes"]))
    lines.append("}")
    text = "\n".join(lines) + "\n"
    assert json.loads(text) == (dict(PLAN, district=district) if district
                                else PLAN)
    return text


# tasks.csv: the programme's other duties from the speech, each with its
# owner.  The 7 整村推进 contact points (市领导联系点): each checked against
# the autonomous region's acceptance indicators (查漏补缺) before the
# region's inspection group comes, in the order of its visits.  As of the
# demo date five are done, with their evidence; 鹿鸣村's was due on
# 2023-06-10 and is not done (late, on the overdue list) and 双溪村's is
# due on 2023-06-20 (coming due).  The 党员大集训's venue, materials and
# teachers were ready before 春节 (2023-01-22), with their evidence.
TASK_COLS = ["id", "area", "title", "owner", "due", "done", "evidence",
             "note"]
CONTACT_POINTS = [  # village, owner, due, done, evidence
    ("松林村", "黎建国", "2023-05-31", "2023-05-26", "验收自查表"),
    ("凤鸣村", "陆海燕", "2023-05-31", "2023-05-30", "验收自查表; 照片12张"),
    ("樟木村", "廖振国", "2023-06-10", "2023-06-09", "验收自查表"),
    ("鹿鸣村", "卢建华", "2023-06-10", "", ""),
    ("双溪村", "蓝德胜", "2023-06-20", "", ""),
    ("茶园村", "农世平", "2023-06-30", "2023-06-12", "验收自查表; 会议纪要"),
    ("金竹村", "潘家宝", "2023-06-30", "2023-06-14", "验收自查表; 照片8张"),
]
TRAINING = [  # title, owner, done, evidence
    ("场地：各镇落实集训场地", "谢玉珍", "2023-01-10", "场地安排表"),
    ("教材：印发集训教材", "郭少军", "2023-01-12", "教材样本; 发放登记"),
    ("师资：落实授课教师", "梁国庆", "2023-01-16", "授课安排表"),
]
TRAINING_DUE = "2023-01-20"         # 春节 is 2023-01-22


def tasks():
    rows = []
    for village, owner, due, done, evidence in CONTACT_POINTS:
        rows.append(["整村推进", "联系点%s：对照自治区验收指标查漏补缺" % village,
                     owner, due, done, evidence,
                     "市领导联系点，自治区检查组验收前完成"])
    for title, owner, done, evidence in TRAINING:
        rows.append(["党员大集训", title, owner, TRAINING_DUE, done, evidence,
                     "以镇为单位，春节前完成准备"])
    return [[str(k)] + r for k, r in enumerate(rows, 1)]


def generate(outdir, district=None):
    projects, progress, inspections, funds = build()
    with open(os.path.join(outdir, "plan.json"), "w", encoding="utf-8",
              newline="") as f:
        f.write(plan_text(district))
    write_csv(os.path.join(outdir, "projects.csv"),
              ["id", "town", "village", "leader", "specialist", "budget", "mode",
               "area", "start_by", "complete_by"], projects)
    write_csv(os.path.join(outdir, "progress.csv"), PROGRESS_COLS, progress)
    write_csv(os.path.join(outdir, "funds.csv"), FUNDS_COLS, funds)
    write_csv(os.path.join(outdir, "inspections.csv"),
              ["id", "date", "project", "phase", "aspect", "result", "finding",
               "due", "closed", "inspector"], inspections)
    write_csv(os.path.join(outdir, "tasks.csv"), TASK_COLS, tasks())
    write_trail(outdir, corrections(progress, funds))


PROGRESS_COLS = ["id", "date", "project", "stage", "note", "voided",
                 "void_reason"]
FUNDS_COLS = ["id", "date", "kind", "level", "source", "project", "purpose",
              "amount", "note", "reverses"]
# The audit trail the demo starts with: an anchor (.vl-head keeps the
# trail's head), a line for each file as written here, its SHA-256 the
# digest a later check compares with, then the corrections (lib/register/
# audit.c: each hash is the SHA-256 of the previous hash, a line end, the
# CSV row seq..record, the CSV row digest and, when there is one, the CSV
# row detail).
AUDIT_HEADER = ["seq", "time", "user", "tool", "action", "file", "record",
                "hash", "digest", "detail"]
AUDIT_FILES = ["plan.json", "projects.csv", "progress.csv", "funds.csv",
               "inspections.csv", "tasks.csv"]
GENESIS = "0" * 64


def csv_row(fields):
    """a row as vl writes it (io/csv_write.c): quoted only where needed"""
    out = []
    for s in fields:
        if any(c in s for c in ',"\r\n') or (s and (s[0] in " \t" or
                                                   s[-1] in " \t")):
            s = '"' + s.replace('"', '""') + '"'
        out.append(s)
    return ",".join(out) + "\n"


def file_digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def corrections(progress, funds):
    """the amend, the void and the reversal, as the tools record them"""
    void = [r for r in progress if r[5]]
    rev = [r for r in funds if r["reverses"]]
    assert len(void) == 1 and len(rev) == 1
    v, r = void[0], rev[0]
    pid, col, old, new, why = AMEND
    return sorted([
        ("2023-01-20T02:00:00Z", "vl-add", "amend", "projects.csv", pid,
         "%s: %s → %s; reason: %s" % (col, old, new, why)),
        (v[5] + "T02:00:00Z", "vl-add", "void", "progress.csv", v[0],
         "voided:  → %s; void_reason:  → %s; reason: %s" % (v[5], v[6], v[6])),
        (r["date"] + "T02:00:00Z", "vl-add", "add", "funds.csv", r["id"],
         "reverses %s: amount %s; reason: %s" % (r["reverses"], r["amount"],
                                                 r["note"])),
    ])


def write_trail(outdir, fixes=()):
    """the trail of the files in outdir (a city's register has no progress
    and no inspections), then the corrections made since, fixes"""
    rows = [("2022-11-30T00:00:00Z", "generate.py", "anchor", ".vl-head", "",
             "")]
    rows += [("2022-11-30T00:00:00Z", "generate.py", "init", name, "", "")
             for name in AUDIT_FILES
             if os.path.exists(os.path.join(outdir, name))]
    rows += list(fixes)
    # a trail with no detail keeps the columns of registers written before
    # there was one (the roll-up's registers kept as files)
    wide = any(r[5] for r in rows)
    prev, text = GENESIS, csv_row(AUDIT_HEADER if wide else AUDIT_HEADER[:-1])
    for seq, (time, tool, action, name, record, detail) in enumerate(rows, 1):
        user = "demo" if tool == "generate.py" else "clerk"
        f = [str(seq), time, user, tool, action, name, record]
        digest = "" if action == "anchor" else \
            file_digest(os.path.join(outdir, name))
        h = hashlib.sha256((prev + "\n" + csv_row(f) + csv_row([digest]) +
                            (csv_row([detail]) if detail else "")
                            ).encode("utf-8")).hexdigest()
        text += csv_row(f + [h, digest] + ([detail] if wide else []))
        prev = h
    with open(os.path.join(outdir, "audit.csv"), "w", encoding="utf-8",
              newline="") as f:
        f.write(text)
    with open(os.path.join(outdir, ".vl-head"), "w", encoding="utf-8",
              newline="") as f:
        f.write("%d:%s\n" % (len(rows), prev))


# --------------------------------------------------------------------------
# checking

def check_tasks(T, fail):
    """the 7 contact points and the 大集训's three, dated as the tools
    would take them: done on or before the demo date (vl-add done refuses
    a later day), with evidence; and the demo shows what tasks are for:
    one late, one coming due, the rest done"""
    if [t["id"] for t in T] != [str(k) for k in range(1, len(T) + 1)]:
        fail("task ids")
    points = [t for t in T if t["area"] == "整村推进"]
    training = [t for t in T if t["area"] == "党员大集训"]
    if len(points) != 7 or len(training) != 3 or len(T) != 10:
        fail("7 contact points and 3 training tasks")
    villages = {v for _, vs in TOWNS for v in vs}
    named = [v for t in points for v in villages if v in t["title"]]
    if len(named) != 7 or len(set(named)) != 7:
        fail("each contact point a village of the demo, once")
    for t in training:
        if d(t["due"]) >= dt.date(2023, 1, 22):
            fail("task %s: the 大集训 is ready before 春节" % t["id"])
    for t in T:
        d(t["due"])
        for k in ("area", "title", "owner"):
            if not t[k] or any(c in t[k] for c in "\t\r\n"):
                fail("task %s: %s one line, not empty" % (t["id"], k))
        if t["done"]:
            if d(t["done"]) > AS_OF:
                fail("task %s done after the demo date" % t["id"])
            if not t["evidence"]:
                fail("task %s done without evidence" % t["id"])
        elif t["evidence"]:
            fail("task %s: evidence but not done" % t["id"])
    late = [t["id"] for t in T if not t["done"] and d(t["due"]) < AS_OF]
    soon = [t["id"] for t in T if not t["done"] and d(t["due"]) >= AS_OF]
    if len(late) != 1 or len(soon) != 1 or \
            d(T[int(soon[0]) - 1]["due"]) > AS_OF + dt.timedelta(30):
        fail("one task late, one coming due within 30 days: %r %r"
             % (late, soon))


def read_csv(path, header):
    with open(path, "rb") as f:
        raw = f.read()
    assert not raw.startswith(b"\xef\xbb\xbf"), path + ": BOM"
    assert b"\r" not in raw, path + ": CR"
    assert raw.endswith(b"\n") and not raw.endswith(b"\n\n"), path + ": ending"
    text = raw.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    assert rows[0] == header, (path, rows[0])
    for k, r in enumerate(rows[1:], 2):
        assert len(r) == len(header), (path, k, r)
    return [dict(zip(header, r)) for r in rows[1:]]


def check(dirname):
    ok = True

    def fail(msg):
        nonlocal ok
        ok = False
        print("FAIL:", msg)

    with open(os.path.join(dirname, "plan.json"), encoding="utf-8") as f:
        plan = json.load(f)
    plan.pop("district", None)          # the roll-up's copy names it
    assert plan == PLAN
    P = read_csv(os.path.join(dirname, "projects.csv"),
                 ["id", "town", "village", "leader", "specialist", "budget",
                  "mode", "area", "start_by", "complete_by"])
    G = read_csv(os.path.join(dirname, "progress.csv"), PROGRESS_COLS)
    if [r["id"] for r in G] != [str(k) for k in range(1, len(G) + 1)]:
        fail("progress ids")
    if sum(1 for r in G if r["voided"]) != 1:
        fail("one progress row voided")
    G = [r for r in G if not r["voided"]]     # counts no more
    F = read_csv(os.path.join(dirname, "funds.csv"), FUNDS_COLS)
    I = read_csv(os.path.join(dirname, "inspections.csv"),
                 ["id", "date", "project", "phase", "aspect", "result", "finding",
                  "due", "closed", "inspector"])
    T = read_csv(os.path.join(dirname, "tasks.csv"), TASK_COLS)
    check_tasks(T, fail)
    pids = [p["id"] for p in P]
    proj = {p["id"]: p for p in P}
    if len(P) != 50 or len(set(pids)) != 50:
        fail("50 distinct projects")
    if len({(p["town"], p["village"]) for p in P}) != 50:
        fail("distinct villages")
    if sum(fen_of(p["budget"]) for p in P) != 184700000:
        fail("budgets sum")
    for p in P:
        assert p["mode"] in ("new", "expand", "repair")
        assert 120 <= int(p["area"]) <= 300
        for k in ("start_by", "complete_by"):
            if p[k]:
                d(p[k])
    for name, rows in (("progress", G), ("funds", F), ("inspections", I)):
        dates = [r["date"] for r in rows]
        if dates != sorted(dates):
            fail(name + " not in date order")
        for r in rows:
            d(r["date"])
            if not (d("2022-08-01") <= d(r["date"]) <= d("2023-06-20")):
                fail(name + " date range " + r["date"])
            if r.get("project") and r["project"] not in proj:
                fail(name + " unknown project " + r["project"])
    for name, rows in (("funds", F), ("inspections", I)):
        if [r["id"] for r in rows] != [str(k) for k in range(1, len(rows) + 1)]:
            fail(name + " ids")
    for r in G:
        assert r["stage"] in ("started", "completed")
    for r in I:
        assert r["phase"] in ("review", "check", "acceptance")
        assert r["aspect"] in ("quality", "progress", "funds", "safety")
        assert r["result"] in ("pass", "fail")
        if r["result"] == "fail":
            if not r["finding"] or not r["due"] or d(r["due"]) <= d(r["date"]):
                fail("inspection %s: fail without finding/due" % r["id"])
        else:
            assert not r["finding"] and not r["due"] and not r["closed"]
        if r["closed"]:
            assert d(r["closed"]) >= d(r["date"])
    assert any("," in r["finding"] for r in I)
    assert any('"' in r["finding"] for r in I)

    # funds: cumulative rules, in journal order
    levels = {"central": 0, "region": 0, "city": 0, "district": 0}
    line = {"upper": 0, "district": 0}
    rec = alloc_total = 0
    alloc = {p: 0 for p in pids}
    spent = {p: 0 for p in pids}
    spent_asof = {p: 0 for p in pids}
    by_id = {r["id"]: r for r in F}
    for r in F:
        a = fen_of(r["amount"])
        if r["kind"] == "receipt":
            assert r["level"] in levels and r["source"] in ("finance", "party_fee")
            assert not r["project"] and not r["purpose"]
            levels[r["level"]] += a
            line["district" if r["level"] == "district" else "upper"] += a
            rec += a
        elif r["kind"] == "allocation":
            assert not r["level"] and not r["purpose"] and r["project"]
            alloc[r["project"]] += a
            alloc_total += a
            if alloc_total > rec:
                fail("allocations exceed receipts at #" + r["id"])
        elif r["kind"] == "expense":
            assert not r["level"] and r["purpose"] in PLAN["purposes"]
            spent[r["project"]] += a
            if d(r["date"]) <= AS_OF:
                spent_asof[r["project"]] += a
            if spent[r["project"]] > alloc[r["project"]]:
                fail("expense over allocation at #" + r["id"])
            if a < 0:
                n = r["reverses"]
                o = by_id[n]
                assert fen_of(o["amount"]) == -a and o["project"] == r["project"]
        else:
            fail("kind " + r["kind"])
        if r["kind"] != "receipt":
            assert not r["level"] and not r["source"]
    if line != {"upper": 168460000, "district": 16200000}:
        fail("receipts per line %r" % line)
    for p in pids:
        if alloc[p] > fen_of(proj[p]["budget"]):
            fail("allocation over budget " + p)

    print("== fund facts")
    print("receipts by level:", {k: yuan(v) for k, v in levels.items()})
    print("receipts upper line: %s (plan 1684600.00)" % yuan(line["upper"]))
    print("receipts district line: %s (plan 162400.00, short %s)"
          % (yuan(line["district"]), yuan(16240000 - line["district"])))
    print("receipts total:", yuan(rec))
    print("allocations total:", yuan(alloc_total),
          "unallocated receipts:", yuan(rec - alloc_total))
    print("expenses total as of %s: %s; all: %s"
          % (AS_OF, yuan(sum(spent_asof.values())), yuan(sum(spent.values()))))
    for purpose in PLAN["purposes"]:
        s = sum(fen_of(r["amount"]) for r in F
                if r["kind"] == "expense" and r["purpose"] == purpose
                and d(r["date"]) <= AS_OF)
        print("  expenses %s as of %s: %s" % (purpose, AS_OF, yuan(s)))
    for t, _ in TOWNS:
        print("  town %s: budget %s, allocated %s, spent(as of) %s" % (
            t, yuan(sum(fen_of(p["budget"]) for p in P if p["town"] == t)),
            yuan(sum(alloc[p["id"]] for p in P if p["town"] == t)),
            yuan(sum(spent_asof[p["id"]] for p in P if p["town"] == t))))
    print("projects allocated below budget (pending):")
    for p in pids:
        b = fen_of(proj[p]["budget"])
        if alloc[p] != b:
            print("  %s budget %s allocated %s spent %s remaining %s pending %s" % (
                p, yuan(b), yuan(alloc[p]), yuan(spent_asof[p]),
                yuan(alloc[p] - spent_asof[p]), yuan(b - alloc[p])))
    print("projects fully spent (remaining 0.00):",
          " ".join(p for p in pids if alloc[p] and alloc[p] == spent_asof[p]))
    print("balance table as of %s:" % AS_OF)
    for p in pids:
        print("  %s,%s,%s,%s,%s" % (p, proj[p]["budget"], yuan(alloc[p]),
                                   yuan(spent_asof[p]),
                                   yuan(alloc[p] - spent_asof[p])))

    # overdue as of AS_OF
    print("== overdue as of", AS_OF)
    for row in overdue(P, G, I, T, AS_OF, within=0):
        print("  " + ",".join(str(x) for x in row))
    print("== extra with --within 30 (coming due; days late = as_of - due)")
    base = overdue(P, G, I, T, AS_OF, within=0)
    for row in overdue(P, G, I, T, AS_OF, within=30):
        if row not in base:
            print("  " + ",".join(str(x) for x in row))
    print("OK" if ok else "PROBLEMS")
    return ok


def overdue(P, G, I, T, as_of, within):
    """The rules of SPEC section 4 (and 7: a task not done by its due
    date), as documented in README.md."""
    G = [r for r in G if d(r["date"]) <= as_of]
    I = [r for r in I if d(r["date"]) <= as_of]
    out = []
    limit = as_of + dt.timedelta(within)
    kinds = ["not-started", "rectification", "not-completed", "not-accepted"]

    def item(kind, pid, due, ref=""):
        late = (as_of - due).days
        if late > 0 or (within and due <= limit):
            out.append((kind, pid, ref, due.isoformat(), late))

    for p in P:
        pid = p["id"]
        sb = d(p["start_by"]) if p["start_by"] else START_BY
        cb = d(p["complete_by"]) if p["complete_by"] else COMPLETE_BY
        st = [d(r["date"]) for r in G if r["project"] == pid and r["stage"] == "started"]
        co = [d(r["date"]) for r in G if r["project"] == pid and r["stage"] == "completed"]
        if not st:
            item("not-started", pid, sb)
        if not co:
            item("not-completed", pid, cb)
        else:
            acc = [r for r in I if r["project"] == pid and r["phase"] == "acceptance"
                   and r["result"] == "pass"]
            if not acc:
                item("not-accepted", pid, min(co) + dt.timedelta(30))
    for r in I:
        if r["result"] == "fail" and (not r["closed"] or d(r["closed"]) > as_of):
            item("rectification", r["project"], d(r["due"]), "#" + r["id"])
    for t in T:
        if not t["done"] or d(t["done"]) > as_of:
            item("task", "", d(t["due"]), "task " + t["id"])
    # a task after the projects of its day, by its id
    out.sort(key=lambda t: (-t[4], t[0] == "task",
                            int(t[2][5:]) if t[0] == "task" else 0, t[1],
                            kinds.index(t[0]) if t[0] in kinds else 0))
    flags = []
    for p in P:
        pid = p["id"]
        st = sorted(d(r["date"]) for r in G
                    if r["project"] == pid and r["stage"] == "started")
        rv = sorted(d(r["date"]) for r in I if r["project"] == pid
                    and r["phase"] == "review" and r["result"] == "pass")
        if st and (not rv or st[0] < rv[0]):
            flags.append(("started-before-review", pid, "", "", ""))
        if not p["leader"]:
            flags.append(("missing-leader", pid, "", "", ""))
        if not p["specialist"]:
            flags.append(("missing-specialist", pid, "", "", ""))
    return out + flags


ROLLUP_KEPT = ["baishui", "city"]   # kept as files: their trail only


def rollup(outdir):
    """the roll-up demo: 青山区 is this demo, corrections and all, with its
    district named; 白水区 and the city's register are kept as files"""
    generate(os.path.join(outdir, "qingshan"), "青山区")
    for name in ROLLUP_KEPT:
        write_trail(os.path.join(outdir, name))


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    if argv[:1] == ["--check"]:
        return 0 if check(argv[1] if len(argv) > 1 else here) else 1
    if argv[:1] == ["--trail"]:
        for outdir in argv[1:]:
            write_trail(outdir)
        return 0
    if argv[:1] == ["--rollup"]:
        rollup(argv[1] if len(argv) > 1 else
               os.path.join(here, os.pardir, "rollup"))
        return 0
    generate(argv[0] if argv else here)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
