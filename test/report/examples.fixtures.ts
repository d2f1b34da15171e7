// Expected summary.csv / timeline.csv of the four deterministic examples that ship with
// FORMAT.md (examples/<name>.summary.csv, .timeline.csv), copied verbatim: byte-for-byte targets.

export const EXAMPLES: Record<string, { summary: string; timeline: string }> = {
  "outage-spanning-renewals": {
    summary: `scenario,strategy,replication,seed,clients,licensed_end,oob_grace_end,oot_grace_end,notification_end,notification_client_days,oot_client_days,clients_lapsed,never_activated,first_activation_p50_h,first_activation_p95_h,requests,failed_0xC004F038,failed_0xC004F041,failed_0xC004F042,failed_0xC004F074,kms1_downtime_h,kms1_low_count_h,kms1_requests,kms1_max_count
outage-spanning-renewals,,0,1,26,26,0,0,0,0,0,0,0,2,2,728,24,0,0,600,48,72,728,26
`,
    timeline: `minute,time,oob_grace,licensed,oot_grace,notification,kms1_up,kms1_count
0,2027-01-04T00:00:00Z,0,0,0,0,1,0
4320,2027-01-07T00:00:00Z,24,2,0,0,1,26
4440,2027-01-07T02:00:00Z,0,26,0,0,1,26
14400,2027-01-14T00:00:00Z,0,26,0,0,0,26
17280,2027-01-16T00:00:00Z,0,26,0,0,1,26
`,
  },
  "join-over-two-days": {
    summary: `scenario,strategy,replication,seed,clients,licensed_end,oob_grace_end,oot_grace_end,notification_end,notification_client_days,oot_client_days,clients_lapsed,never_activated,first_activation_p50_h,first_activation_p95_h,requests,failed_0xC004F038,failed_0xC004F041,failed_0xC004F042,failed_0xC004F074,kms1_downtime_h,kms1_low_count_h,kms1_requests,kms1_max_count
join-over-two-days,,0,1,25,25,0,0,0,0,0,0,0,20,43.6,294,269,0,0,0,0,45.816667,294,25
`,
    timeline: `minute,time,oob_grace,licensed,oot_grace,notification,kms1_up,kms1_count
0,2027-01-04T00:00:00Z,4,0,0,0,1,4
130,2027-01-04T02:10:00Z,5,0,0,0,1,5
240,2027-01-04T04:00:00Z,2,3,0,0,1,5
261,2027-01-04T04:21:00Z,3,3,0,0,1,6
392,2027-01-04T06:32:00Z,4,3,0,0,1,7
523,2027-01-04T08:43:00Z,5,3,0,0,1,8
654,2027-01-04T10:54:00Z,6,3,0,0,1,9
785,2027-01-04T13:05:00Z,7,3,0,0,1,10
916,2027-01-04T15:16:00Z,8,3,0,0,1,11
1047,2027-01-04T17:27:00Z,9,3,0,0,1,12
1178,2027-01-04T19:38:00Z,10,3,0,0,1,13
1309,2027-01-04T21:49:00Z,11,3,0,0,1,14
1440,2027-01-05T00:00:00Z,12,3,0,0,1,15
1570,2027-01-05T02:10:00Z,13,3,0,0,1,16
1701,2027-01-05T04:21:00Z,14,3,0,0,1,17
1832,2027-01-05T06:32:00Z,15,3,0,0,1,18
1963,2027-01-05T08:43:00Z,16,3,0,0,1,19
2094,2027-01-05T10:54:00Z,17,3,0,0,1,20
2225,2027-01-05T13:05:00Z,18,3,0,0,1,21
2356,2027-01-05T15:16:00Z,19,3,0,0,1,22
2487,2027-01-05T17:27:00Z,20,3,0,0,1,23
2618,2027-01-05T19:38:00Z,21,3,0,0,1,24
2749,2027-01-05T21:49:00Z,21,4,0,0,1,25
2760,2027-01-05T22:00:00Z,19,6,0,0,1,25
2770,2027-01-05T22:10:00Z,17,8,0,0,1,25
2781,2027-01-05T22:21:00Z,15,10,0,0,1,25
2792,2027-01-05T22:32:00Z,13,12,0,0,1,25
2803,2027-01-05T22:43:00Z,11,14,0,0,1,25
2814,2027-01-05T22:54:00Z,9,16,0,0,1,25
2825,2027-01-05T23:05:00Z,7,18,0,0,1,25
2836,2027-01-05T23:16:00Z,5,20,0,0,1,25
2847,2027-01-05T23:27:00Z,3,22,0,0,1,25
2858,2027-01-05T23:38:00Z,1,24,0,0,1,25
2869,2027-01-05T23:49:00Z,0,25,0,0,1,25
`,
  },
  "primary-down-cached-failover": {
    summary: `scenario,strategy,replication,seed,clients,licensed_end,oob_grace_end,oot_grace_end,notification_end,notification_client_days,oot_client_days,clients_lapsed,never_activated,first_activation_p50_h,first_activation_p95_h,requests,failed_0xC004F038,failed_0xC004F041,failed_0xC004F042,failed_0xC004F074,primary_downtime_h,primary_low_count_h,primary_requests,primary_max_count,backup_downtime_h,backup_low_count_h,backup_requests,backup_max_count
primary-down-cached-failover,,0,1,30,30,0,0,0,0,0,0,0,2,2,4272,2040,0,0,0,480,190,2136,30,0,504,2136,30
`,
    timeline: `minute,time,oob_grace,licensed,oot_grace,notification,primary_up,primary_count,backup_up,backup_count
0,2027-01-04T00:00:00Z,24,6,0,0,1,30,1,0
120,2027-01-04T02:00:00Z,0,30,0,0,1,30,1,0
20220,2027-01-18T01:00:00Z,0,30,0,0,0,30,1,0
20280,2027-01-18T02:00:00Z,0,30,0,0,0,30,1,24
30240,2027-01-25T00:00:00Z,0,30,0,0,0,30,1,30
49020,2027-02-07T01:00:00Z,0,30,0,0,1,30,1,30
53400,2027-02-10T02:00:00Z,0,30,0,0,1,6,1,30
63360,2027-02-17T00:00:00Z,0,30,0,0,1,0,1,30
`,
  },
  "clones-and-office": {
    summary: `scenario,strategy,replication,seed,clients,licensed_end,oob_grace_end,oot_grace_end,notification_end,notification_client_days,oot_client_days,clients_lapsed,never_activated,first_activation_p50_h,first_activation_p95_h,requests,failed_0xC004F038,failed_0xC004F041,failed_0xC004F042,failed_0xC004F074,kms1_downtime_h,kms1_low_count_h,kms1_requests,kms1_max_count,office_clients,office_licensed_end,office_notification_client_days,office_clients_lapsed,office_never_activated
clones-and-office,,0,1,34,34,0,0,0,0,0,0,0,242,242,3723,3637,0,0,0,0,240,3723,25,6,6,0,0,0
`,
    timeline: `minute,time,oob_grace,licensed,oot_grace,notification,office_oob_grace,office_licensed,office_oot_grace,office_notification,kms1_up,kms1_count,kms1_office_count
0,2027-01-04T00:00:00Z,30,0,0,0,4,2,0,0,1,21,6
120,2027-01-04T02:00:00Z,30,0,0,0,0,6,0,0,1,21,6
14400,2027-01-14T00:00:00Z,33,1,0,0,0,6,0,0,1,25,6
14520,2027-01-14T02:00:00Z,0,34,0,0,0,6,0,0,1,25,6
`,
  },
};
