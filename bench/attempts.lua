-- wrk script: POST exercise attempts, cycling through answers and seeds (variants).
-- Two right answers and three slips (A taken as symmetric, the transpose, a term too many), written
-- with each variant's own matrix: load.sh reads them off the server into VARIANT_MATRICES, one
-- letter per seed ("A,B,M,..."), since a variant renames A and an answer in A would only be told
-- that A is not in its problem.
local answers = {"(A + A')*x", "2*A*x", "x'*(A + A')", "A*x + A'*x", "(A + A')*x + x"}
local matrices = {}
for letter in string.gmatch(os.getenv("VARIANT_MATRICES") or "A", "[^,]+") do
  table.insert(matrices, letter)
end
local i = 0
-- 64 clients, as a class behind the reverse proxy on this machine (which the tutor trusts) would be:
-- the tutor shares its engine out per client
local client = function() return "10.0." .. (i % 64) .. ".1" end
request = function()
  i = i + 1
  local seed = i % #matrices
  local answer = string.gsub(answers[(i % #answers) + 1], "A", matrices[seed + 1])
  local body = string.format('{"answer":"%s","seed":%d}', answer, seed)
  return wrk.format("POST", "/api/exercises/quadratic-form/attempts", {["Content-Type"] = "application/json", ["X-Forwarded-For"] = client()}, body)
end
